namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>externalcontact/add_msg_template with chat_type "group": a broadcast to customer groups. WeCom
/// does not send it: it becomes a task in the sender's WeCom app, sent only when they confirm it.</summary>
/// <param name="Sender">The group owner's userid; WeCom only lets the owner broadcast to a group.</param>
public sealed record MsgTemplate(string ChatType, string Sender, IReadOnlyList<string> ChatIdList, MsgTemplate.TextContent Text,
    IReadOnlyList<MsgTemplate.Attachment>? Attachments = null)
{
    public sealed record TextContent(string Content);

    /// <summary>image / link / miniprogram / video / file, each with its own object (see WeCom's docs).</summary>
    public sealed record Attachment(string Msgtype, Dictionary<string, string>? Image = null, Dictionary<string, string>? Link = null);

    public sealed record Created : WeComResponse
    {
        public string? Msgid { get; init; }
        /// <summary>Recipients WeCom will not send to (not reachable, or over the monthly cap).</summary>
        public IReadOnlyList<string> FailList { get; init; } = [];
    }

    /// <summary>get_groupmsg_send_result: per recipient group, whether the sender has sent it yet.</summary>
    public sealed record SendResult : WeComResponse
    {
        public IReadOnlyList<SendItem> SendList { get; init; } = [];
        public string? NextCursor { get; init; }
    }

    /// <param name="Status">0 not sent yet (waiting for the staff member), 1 sent, 2 failed: not a contact,
    /// 3 failed: the recipient already received another broadcast (WeCom's cap).</param>
    public sealed record SendItem(string? ExternalUserid, string? ChatId, string? Userid, int Status, long? SendTime);
}
