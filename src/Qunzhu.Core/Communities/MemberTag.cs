namespace Qunzhu.Core.Communities;

/// A label on a member (e.g. "新人", "已下单"): starts and stops member SOPs.
public sealed class MemberTag
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public required string Tag { get; set; }
    public DateTime CreatedAt { get; set; }
}
