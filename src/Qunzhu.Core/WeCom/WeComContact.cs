namespace Qunzhu.Core.WeCom;

/// <summary>A customer (external contact) added by one staff member of a WeCom corp, as the
/// change_external_contact callbacks report it. <see cref="State"/> is the contact way ("contact me" code)
/// the customer came through: attribution to a channel.</summary>
public sealed class WeComContact
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    public required string ExternalUserId { get; set; }
    /// <summary>The staff member's WeCom user id (follow user).</summary>
    public required string UserId { get; set; }
    public string? State { get; set; }
    public DateTime AddedAt { get; set; }
    public DateTime? EditedAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    /// <summary>staff (del_external_contact: the staff member deleted the customer) or customer (del_follow_user:
    /// the customer deleted the staff member).</summary>
    public string? RemovedBy { get; set; }
    /// <summary>Corp tag ids Qunzhu put on the customer (mark_tag); a tag deleted in WeCom is dropped.</summary>
    public List<string> TagIds { get; set; } = [];
}
