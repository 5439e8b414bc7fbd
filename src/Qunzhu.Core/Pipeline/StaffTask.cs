namespace Qunzhu.Core.Pipeline;

/// An action a platform could not perform, or a step that needs a person: shown in the console.
public sealed class StaffTask
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid? CommunityId { get; set; }
    public Guid? MemberId { get; set; }
    /// Unique per workspace: the same cause never opens two tasks.
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string? Detail { get; set; }
    public StaffTaskStatus Status { get; set; } = StaffTaskStatus.Open;
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
}

public enum StaffTaskStatus
{
    Open,
    Done,
}
