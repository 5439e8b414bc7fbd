using Qunzhu.Core.Platforms;

namespace Qunzhu.Core.Communities;

/// How a member is known on one platform account.
public sealed class MemberIdentity
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid MemberId { get; set; }
    public Guid AccountId { get; set; }
    public PlatformKind Platform { get; set; }
    public required string ExternalUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}
