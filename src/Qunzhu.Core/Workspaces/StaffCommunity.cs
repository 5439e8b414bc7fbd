namespace Qunzhu.Core.Workspaces;

/// An Operator sees and changes only the communities assigned to them.
public sealed class StaffCommunity
{
    public Guid WorkspaceId { get; set; }
    public Guid StaffUserId { get; set; }
    public Guid CommunityId { get; set; }
}
