namespace Qunzhu.Core.Points;

/// A ledger row: balances are sums of these, and the unique key makes every award happen once.
public sealed class PointsEntry
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Guid? CommunityId { get; set; }
    /// Unique per workspace, e.g. "checkin:{communityId}:{memberId}:{date}".
    public required string Key { get; set; }
    public int Amount { get; set; }
    public required string Reason { get; set; }
    public DateTime At { get; set; }
}
