namespace Qunzhu.Core.Communities;

/// A member's place in one group: kept after leaving, so history and re-joins are visible.
public sealed class Membership
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid CommunityId { get; set; }
    public Guid MemberId { get; set; }
    public MemberRole Role { get; set; } = MemberRole.Member;
    public DateTime JoinedAt { get; set; }
    public DateTime? LeftAt { get; set; }
    public int JoinCount { get; set; } = 1;
    public string? InviteCode { get; set; }
    public bool IsActive => LeftAt is null;
}
