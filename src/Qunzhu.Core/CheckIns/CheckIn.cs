namespace Qunzhu.Core.CheckIns;

/// One member's check-in in one group on one local day (unique on those three).
public sealed class CheckIn
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid CommunityId { get; set; }
    public Guid MemberId { get; set; }
    /// The day in the workspace's time zone.
    public DateOnly LocalDate { get; set; }
    public DateTime At { get; set; }
    public int Streak { get; set; }
    public int Total { get; set; }
    /// 1 for the first check-in of the day in this group.
    public int Rank { get; set; }
    public int Points { get; set; }
}
