namespace Qunzhu.Core.Moderation;

/// A member removed from every group of the workspace on joining (shared blacklist).
public sealed class BlacklistEntry
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public required string Reason { get; set; }
    /// "auto" when the moderation ladder removed the member, "manual" when staff added them.
    public required string Source { get; set; }
    public DateTime CreatedAt { get; set; }
}
