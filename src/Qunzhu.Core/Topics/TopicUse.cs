namespace Qunzhu.Core.Topics;

/// <summary>A topic posted to a group: the record of which groups discussed what, and when.</summary>
public sealed class TopicUse
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid TopicId { get; set; }
    public Guid CommunityId { get; set; }
    /// Unique: what posted it ("sop:{execution}" or "bc:{run}:{community}").
    public required string Key { get; set; }
    public DateTime At { get; set; }
}
