namespace Qunzhu.Connectors.WeCom.Api;

public sealed partial class WeComApiClient
{
    /// <summary>add_msg_template: a broadcast task for the sender to confirm in WeCom. Returns the msgid and
    /// the recipients WeCom refused up front (fail_list).</summary>
    public Task<MsgTemplate.Created> AddMsgTemplateAsync(WeComCredentials c, MsgTemplate template, CancellationToken ct) =>
        CallAsync<MsgTemplate.Created>(c, "cgi-bin/externalcontact/add_msg_template", template, ct);

    /// <summary>get_groupmsg_send_result for one sender, every page.</summary>
    public async Task<IReadOnlyList<MsgTemplate.SendItem>> GetGroupMessageResultAsync(WeComCredentials c, string msgId, string sender, CancellationToken ct)
    {
        var all = new List<MsgTemplate.SendItem>();
        var cursor = "";
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await CallAsync<MsgTemplate.SendResult>(c, "cgi-bin/externalcontact/get_groupmsg_send_result",
                new { msgid = msgId, userid = sender, limit = 1000, cursor }, ct);
            all.AddRange(result.SendList);
            if (string.IsNullOrEmpty(result.NextCursor)) return all;
            cursor = result.NextCursor;
        }
        throw new WeComApiException("externalcontact/get_groupmsg_send_result", 0, $"The cursor did not end after {MaxPages} pages.", null);
    }

    /// <summary>The group robot webhook (cgi-bin/webhook/send?key=…) of an internal group: no access_token, and
    /// WeCom allows 20 messages a minute per robot (45009 beyond that).</summary>
    public async Task SendRobotTextAsync(Uri apiBaseUrl, string robotKey, string text, CancellationToken ct)
    {
        var uri = Url(apiBaseUrl, "cgi-bin/webhook/send", $"key={Uri.EscapeDataString(robotKey)}");
        var response = await SendAsync<WeComResponse>("webhook/send", HttpMethod.Post, uri, new { msgtype = "text", text = new MsgTemplate.TextContent(text) }, ct);
        if (response.Errcode != 0) throw Error("webhook/send", response);
    }
}
