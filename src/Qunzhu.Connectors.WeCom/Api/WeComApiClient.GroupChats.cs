namespace Qunzhu.Connectors.WeCom.Api;

public sealed partial class WeComApiClient
{
    /// <summary>Stops a cursor that never ends (a misbehaving proxy) instead of looping for ever.</summary>
    private const int MaxPages = 1000;

    /// <summary>groupchat/get with need_name=1: the group's name, owner, admins and members with their state.</summary>
    public async Task<GroupChat> GetGroupChatAsync(WeComCredentials c, string chatId, CancellationToken ct)
    {
        var found = await CallAsync<GroupChat.Found>(c, "cgi-bin/externalcontact/groupchat/get", new { chat_id = chatId, need_name = 1 }, ct);
        return found.GroupChat ?? throw new WeComApiException("externalcontact/groupchat/get", 0, "WeCom returned no group_chat.", null);
    }

    /// <summary>groupchat/list, one page.</summary>
    public Task<GroupChat.Page> ListGroupChatsAsync(WeComCredentials c, string? cursor, int limit, CancellationToken ct) =>
        CallAsync<GroupChat.Page>(c, "cgi-bin/externalcontact/groupchat/list",
            new { status_filter = 0, cursor = cursor ?? "", limit = Math.Clamp(limit, 1, 1000) }, ct);

    /// <summary>Every customer group the app can see, following the cursor to its end.</summary>
    public async Task<IReadOnlyList<GroupChat.Listed>> ListAllGroupChatsAsync(WeComCredentials c, CancellationToken ct, int pageSize = 1000)
    {
        var all = new List<GroupChat.Listed>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await ListGroupChatsAsync(c, cursor, pageSize, ct);
            all.AddRange(result.GroupChatList);
            if (string.IsNullOrEmpty(result.NextCursor)) return all;
            cursor = result.NextCursor;
        }
        throw new WeComApiException("externalcontact/groupchat/list", 0, $"The cursor did not end after {MaxPages} pages.", null);
    }

    /// <summary>groupchat/add_join_way; WeCom's limits (≤ 5 chats, state ≤ 30 characters) are checked first.</summary>
    public async Task<string> AddJoinWayAsync(WeComCredentials c, JoinWay way, CancellationToken ct)
    {
        if (JoinWay.Check(way.ChatIdList, way.State) is { } problem) throw new ArgumentException(problem, nameof(way));
        var created = await CallAsync<JoinWay.Created>(c, "cgi-bin/externalcontact/groupchat/add_join_way", way, ct);
        return created.ConfigId ?? throw new WeComApiException("externalcontact/groupchat/add_join_way", 0, "WeCom returned no config_id.", null);
    }

    /// <summary>groupchat/get_join_way: the join way with its qr_code.</summary>
    public async Task<JoinWay> GetJoinWayAsync(WeComCredentials c, string configId, CancellationToken ct)
    {
        var found = await CallAsync<JoinWay.Found>(c, "cgi-bin/externalcontact/groupchat/get_join_way", new { config_id = configId }, ct);
        return found.JoinWay ?? throw new WeComApiException("externalcontact/groupchat/get_join_way", 0, "WeCom returned no join_way.", null);
    }
}
