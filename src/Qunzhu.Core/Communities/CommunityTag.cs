namespace Qunzhu.Core.Communities;

/// A label on a group (e.g. "北京", "高价值"), used to target broadcasts and SOPs.
public sealed class CommunityTag
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid CommunityId { get; set; }
    public required string Tag { get; set; }
    public DateTime CreatedAt { get; set; }
}
