namespace Qunzhu.Core.Sops;

/// <summary>One SOP running for one target: a group (group SOP) or a member in a group (member SOP).</summary>
public sealed class SopEnrollment
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid SopId { get; set; }
    public Guid CommunityId { get; set; }
    public Guid? MemberId { get; set; }
    /// Unique: the same cause (a group applied once, one join) never enrolls twice.
    public required string Key { get; set; }
    /// When the anchor happened (group created / applied, member joined or tagged), UTC.
    public DateTime AnchorAt { get; set; }
    public SopEnrollmentStatus Status { get; set; } = SopEnrollmentStatus.Active;
    public string? ExitReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? EndedAt { get; set; }
}

public enum SopEnrollmentStatus
{
    Active,
    Completed,
    /// An exit condition was met (member left, a tag present).
    Exited,
    Cancelled,
}
