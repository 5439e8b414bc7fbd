namespace Qunzhu.Core.Communities;

/// A named invite link the bot created for a group (one per referrer or channel). A join through it is
/// attributed: the membership's InviteCode is the link's name.
public sealed class InviteLink
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid CommunityId { get; set; }
    /// Unique per group: it is what a join is attributed to.
    public required string Name { get; set; }
    /// The link members open, as the platform returned it.
    public required string Url { get; set; }
    public int? MemberLimit { get; set; }
    /// Joining through it asks for approval (a join request) instead of joining at once.
    public bool CreatesJoinRequest { get; set; }
    public DateTime CreatedAt { get; set; }
}
