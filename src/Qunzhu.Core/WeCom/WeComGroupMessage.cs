namespace Qunzhu.Core.WeCom;

/// <summary>A broadcast to customer groups through add_msg_template. WeCom only delivers it once the group owner
/// confirms it in their WeCom app, so it starts "waiting for staff confirmation"; its status is read back from
/// get_groupmsg_send_result.</summary>
public sealed class WeComGroupMessage
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>The staff member (group owner) WeCom asks to confirm it.</summary>
    public required string Sender { get; set; }
    public required string MsgId { get; set; }
    public required string Text { get; set; }
    public List<Guid> CommunityIds { get; set; } = [];
    public List<string> ChatIds { get; set; } = [];
    public WeComGroupMessageStatus Status { get; set; } = WeComGroupMessageStatus.WaitingForConfirmation;
    /// <summary>Per group: WeCom's last send status (0 waiting, 1 sent, 2 not a contact, 3 over the cap), by chat id.</summary>
    public Dictionary<string, int> Results { get; set; } = [];
    /// <summary>Recipients WeCom refused when the broadcast was created (fail_list).</summary>
    public List<string> Refused { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? RefreshedAt { get; set; }
    public string? LastError { get; set; }
}

public enum WeComGroupMessageStatus
{
    /// <summary>Created in WeCom; the owner has not confirmed it yet.</summary>
    WaitingForConfirmation,
    /// <summary>Sent to every group that could receive it.</summary>
    Sent,
    /// <summary>Sent to some groups; WeCom refused others (e.g. the monthly cap).</summary>
    PartlySent,
    /// <summary>No group received it.</summary>
    Failed,
}
