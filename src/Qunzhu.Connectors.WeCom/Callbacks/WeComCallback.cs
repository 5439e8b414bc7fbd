using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Qunzhu.Connectors.WeCom.Callbacks;

/// <summary>A decrypted WeCom callback (the XML inside Encrypt), the fields Qunzhu reads.</summary>
public sealed record WeComCallback
{
    public required string ToUserName { get; init; }
    public string? FromUserName { get; init; }
    public long CreateTime { get; init; }
    public string? MsgType { get; init; }
    public string? Event { get; init; }
    public string? ChangeType { get; init; }
    public string? UserId { get; init; }
    public string? ExternalUserId { get; init; }
    public string? State { get; init; }
    public string? WelcomeCode { get; init; }
    public string? ChatId { get; init; }
    public string? UpdateDetail { get; init; }
    public int? JoinScene { get; init; }
    public int? QuitScene { get; init; }
    public int? MemChangeCnt { get; init; }
    public IReadOnlyList<string> MemChangeList { get; init; } = [];
    public string? CurMemVer { get; init; }
    public string? TagId { get; init; }
    public string? TagType { get; init; }

    public DateTime At => DateTimeOffset.FromUnixTimeSeconds(CreateTime).UtcDateTime;

    public bool IsChatEvent => Event == WeComEvents.ChangeExternalChat && !string.IsNullOrEmpty(ChatId);

    public bool IsContactAdd => Event == WeComEvents.ChangeExternalContact
                                && ChangeType is WeComEvents.AddExternalContact or WeComEvents.AddHalfExternalContact;

    /// <returns>The callback, or null when the text is not a WeCom callback.</returns>
    public static WeComCallback? Parse(string xml)
    {
        XElement root;
        try
        {
            root = XElement.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
        string? S(string name) => root.Element(name)?.Value is { Length: > 0 } v ? v.Trim() : null;
        int? I(string name) => int.TryParse(S(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
        if (S("ToUserName") is not { } to) return null;
        return new WeComCallback
        {
            ToUserName = to,
            FromUserName = S("FromUserName"),
            CreateTime = long.TryParse(S("CreateTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 0,
            MsgType = S("MsgType"),
            Event = S("Event"),
            ChangeType = S("ChangeType"),
            UserId = S("UserID"),
            ExternalUserId = S("ExternalUserID"),
            State = S("State"),
            WelcomeCode = S("WelcomeCode"),
            ChatId = S("ChatId"),
            UpdateDetail = S("UpdateDetail"),
            JoinScene = I("JoinScene"),
            QuitScene = I("QuitScene"),
            MemChangeCnt = I("MemChangeCnt"),
            MemChangeList = [.. root.Element("MemChangeList")?.Elements("Item").Select(e => e.Value.Trim()) ?? []],
            CurMemVer = S("CurMemVer"),
            TagId = S("Id"),
            TagType = S("TagType"),
        };
    }
}
