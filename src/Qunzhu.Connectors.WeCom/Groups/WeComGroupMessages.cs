using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Core.Communities;
using Qunzhu.Core.WeCom;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.WeCom.Groups;

/// <summary>Broadcasts to customer groups (add_msg_template, chat_type group). WeCom lets only a group's owner
/// broadcast to it, so one broadcast is created per owner; each is a task the owner confirms in WeCom, and
/// its status is read back with get_groupmsg_send_result. Groups over WeCom's monthly cap come back in the
/// fail_list (or later with status 3) and are reported, not retried.</summary>
public sealed class WeComGroupMessages(IAppDbContextFactory dbs, WeComApiClient api, TimeProvider time)
{
    public async Task<IReadOnlyList<WeComGroupMessage>> CreateAsync(WeComAccountContext account, IReadOnlyList<Community> communities, string text,
        CancellationToken ct)
    {
        var credentials = account.Settings.Credentials;
        var owners = new Dictionary<string, List<Community>>(StringComparer.Ordinal);
        foreach (var community in communities)
        {
            var chat = await api.GetGroupChatAsync(credentials, community.ExternalId, ct);
            var owner = chat.Owner ?? throw new WeComApiException("externalcontact/groupchat/get", 0, $"Group '{community.Name}' has no owner.", null);
            if (!owners.TryGetValue(owner, out var list)) owners[owner] = list = [];
            list.Add(community);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var created = new List<WeComGroupMessage>();
        foreach (var (owner, groups) in owners)
        {
            var chatIds = groups.Select(g => g.ExternalId).ToList();
            var answer = await api.AddMsgTemplateAsync(credentials, new MsgTemplate("group", owner, chatIds, new MsgTemplate.TextContent(text)), ct);
            var refused = answer.FailList.ToHashSet(StringComparer.Ordinal);
            var message = new WeComGroupMessage
            {
                WorkspaceId = account.WorkspaceId,
                AccountId = account.AccountId,
                Sender = owner,
                MsgId = answer.Msgid ?? throw new WeComApiException("externalcontact/add_msg_template", 0, "WeCom returned no msgid.", null),
                Text = text,
                CommunityIds = [.. groups.Select(g => g.Id)],
                ChatIds = chatIds,
                Refused = [.. refused],
                Results = chatIds.Where(id => !refused.Contains(id)).ToDictionary(id => id, _ => 0, StringComparer.Ordinal),
                CreatedAt = now,
            };
            message.Status = StatusOf(message);
            created.Add(message);
            // Stored as each is created: if a later owner's call fails, the earlier broadcasts still exist in WeCom.
            await using var db = dbs.Create();
            db.WeComGroupMessages.Add(message);
            await db.SaveChangesAsync(ct);
        }
        return created;
    }

    /// <summary>Reads get_groupmsg_send_result and updates the stored message (tracked by <paramref name="db"/>).</summary>
    public async Task RefreshAsync(WeComAccountContext account, WeComGroupMessage message, CancellationToken ct)
    {
        var items = await api.GetGroupMessageResultAsync(account.Settings.Credentials, message.MsgId, message.Sender, ct);
        var results = new Dictionary<string, int>(message.Results, StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.ChatId is not null)) results[item.ChatId!] = item.Status;
        message.Results = results;
        message.RefreshedAt = time.GetUtcNow().UtcDateTime;
        message.LastError = null;
        message.Status = StatusOf(message);
    }

    public static WeComGroupMessageStatus StatusOf(WeComGroupMessage m)
    {
        if (m.Results.Count == 0) return WeComGroupMessageStatus.Failed;
        if (m.Results.Values.Any(s => s == 0)) return WeComGroupMessageStatus.WaitingForConfirmation;
        var sent = m.Results.Values.Count(s => s == 1);
        if (sent == 0) return WeComGroupMessageStatus.Failed;
        return sent == m.Results.Count && m.Refused.Count == 0 ? WeComGroupMessageStatus.Sent : WeComGroupMessageStatus.PartlySent;
    }
}
