namespace Qunzhu.Core.Communities;

/// One person across all groups and platforms of a workspace.
public sealed class Member
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public required string DisplayName { get; set; }
    /// Whitelisted members are exempt from moderation in every group.
    public bool IsWhitelisted { get; set; }
    public DateTime CreatedAt { get; set; }
}
