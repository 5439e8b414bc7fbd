using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Qunzhu.Connectors.WeCom.Crypto;

namespace Qunzhu.Testing.WeCom;

/// <summary>Callbacks as WeCom sends them: the event XML (CDATA fields, as in WeCom's docs), encrypted with
/// the real callback crypto and posted with msg_signature / timestamp / nonce, into a Qunzhu webhook.</summary>
public static class FakeWeComCallbacks
{
    public static string ExternalChat(string chatId, string changeType, long createTime, string? updateDetail = null,
        int? joinScene = null, int? quitScene = null, int? memChangeCnt = null, IEnumerable<string>? memChangeList = null)
    {
        var sb = Head(createTime, "change_external_chat").Append(Field("ChatId", chatId)).Append(Field("ChangeType", changeType));
        if (updateDetail is not null) sb.Append(Field("UpdateDetail", updateDetail));
        if (joinScene is { } j) sb.Append(CultureInfo.InvariantCulture, $"<JoinScene>{j}</JoinScene>");
        if (quitScene is { } q) sb.Append(CultureInfo.InvariantCulture, $"<QuitScene>{q}</QuitScene>");
        if (memChangeCnt is { } n) sb.Append(CultureInfo.InvariantCulture, $"<MemChangeCnt>{n}</MemChangeCnt>");
        if (memChangeList is not null)
            sb.Append("<MemChangeList>").Append(string.Concat(memChangeList.Select(m => Field("Item", m)))).Append("</MemChangeList>");
        return sb.Append("</xml>").ToString();
    }

    public static string ExternalContact(string changeType, string userId, string externalUserId, long createTime,
        string? state = null, string? welcomeCode = null)
    {
        var sb = Head(createTime, "change_external_contact").Append(Field("ChangeType", changeType))
            .Append(Field("UserID", userId)).Append(Field("ExternalUserID", externalUserId));
        if (state is not null) sb.Append(Field("State", state));
        if (welcomeCode is not null) sb.Append(Field("WelcomeCode", welcomeCode));
        return sb.Append("</xml>").ToString();
    }

    public static string ExternalTag(string tagId, string changeType, long createTime) =>
        Head(createTime, "change_external_tag").Append(Field("Id", tagId)).Append(Field("TagType", "tag"))
            .Append(Field("ChangeType", changeType)).Append("</xml>").ToString();

    /// <summary>Posts the callback as WeCom would; <paramref name="token"/> other than the account's forges the signature.</summary>
    public static async Task<HttpResponseMessage> PushAsync(HttpClient qunzhu, Guid accountId, string xml,
        string token = FakeWeComServer.Token, string receiveId = FakeWeComServer.CorpId)
    {
        var crypto = new WeComCallbackCrypto(token, FakeWeComServer.EncodingAesKey, receiveId);
        var encrypt = crypto.Encrypt(xml);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = crypto.Sign(timestamp, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{FakeWeComServer.CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>";
        var uri = $"/webhooks/wecom/{accountId}?msg_signature={signature}&timestamp={timestamp}&nonce={nonce}";
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        return await qunzhu.PostAsync(new Uri(uri, UriKind.Relative), content);
    }

    private static StringBuilder Head(long createTime, string evt) => new StringBuilder("<xml>")
        .Append(Field("ToUserName", FakeWeComServer.CorpId))
        .Append(Field("FromUserName", "sys"))
        .Append(CultureInfo.InvariantCulture, $"<CreateTime>{createTime}</CreateTime>")
        .Append(Field("MsgType", "event"))
        .Append(Field("Event", evt));

    private static string Field(string name, string value) => $"<{name}><![CDATA[{value}]]></{name}>";
}
