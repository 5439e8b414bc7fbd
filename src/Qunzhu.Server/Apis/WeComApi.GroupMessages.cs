using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Groups;
using Qunzhu.Core.Text;
using Qunzhu.Core.WeCom;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

public static partial class WeComApi
{
    /// <summary>add_msg_template takes up to 2000 groups per call.</summary>
    private const int GroupMessageLimit = 2000;

    public static async Task<Results<Created<GroupMessagesResponse>, ValidationProblem, ProblemHttpResult>> CreateGroupMessage(Guid id,
        CreateGroupMessageRequest request, ClaimsPrincipal user, AppDbContext db, WeComAccounts accounts, WeComGroupMessages messages,
        ConfigCache config, CancellationToken ct)
    {
        var (account, problem) = await AccountAsync(id, user, db, accounts, ct);
        if (account is null) return problem!;
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Trim().Length > 4000)
            return Problems.Invalid("text", "The message text has 1 to 4000 characters.");
        var (communities, invalid) = await CommunitiesAsync(request.CommunityIds, id, account.WorkspaceId, db, GroupMessageLimit, ct);
        if (invalid is not null) return invalid;
        try
        {
            var created = await messages.CreateAsync(account, communities!, request.Text.Trim(), ct);
            var locale = (await config.GetAsync(account.WorkspaceId, ct)).Workspace.Locale;
            return TypedResults.Created($"/api/v1/platform-accounts/{id}/wecom/group-messages",
                new GroupMessagesResponse([.. created.Select(m => View(m, locale))]));
        }
        catch (Exception ex) when (FromWeCom(ex) is { } failed)
        {
            return failed;
        }
    }

    public static async Task<Results<Ok<GroupMessagesResponse>, ProblemHttpResult>> ListGroupMessages(Guid id, ClaimsPrincipal user,
        AppDbContext db, ConfigCache config, CancellationToken ct, int limit = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        var accounts = db.VisibleAccountIds(user);
        if (!await db.PlatformAccounts.AnyAsync(a => a.Id == id && a.WorkspaceId == workspaceId && accounts.Contains(a.Id), ct)) return Problems.NotFound("Platform account", id);
        var rows = await db.WeComGroupMessages.AsNoTracking().Where(m => m.AccountId == id && m.WorkspaceId == workspaceId)
            .OrderByDescending(m => m.CreatedAt).Take(Math.Clamp(limit, 1, 200)).ToListAsync(ct);
        if (user.IsOperator())
        {
            // An Operator sees the broadcasts that went to one of their groups, and only those groups' results.
            var mine = (await db.VisibleCommunityIds(user).ToListAsync(ct)).ToHashSet();
            rows = [.. rows.Where(m => m.CommunityIds.Any(mine.Contains))];
            foreach (var m in rows)
            {
                var keep = m.CommunityIds.Select((c, i) => (c, i)).Where(x => mine.Contains(x.c) && x.i < m.ChatIds.Count).ToList();
                (m.ChatIds, m.CommunityIds) = ([.. keep.Select(x => m.ChatIds[x.i])], [.. keep.Select(x => x.c)]);
            }
        }
        var locale = (await config.GetAsync(workspaceId, ct)).Workspace.Locale;
        return TypedResults.Ok(new GroupMessagesResponse([.. rows.Select(m => View(m, locale))]));
    }

    public static async Task<Results<Ok<GroupMessageResponse>, ProblemHttpResult>> RefreshGroupMessage(Guid id, Guid messageId,
        ClaimsPrincipal user, AppDbContext db, WeComAccounts accounts, WeComGroupMessages messages, ConfigCache config, CancellationToken ct)
    {
        var (account, problem) = await AccountAsync(id, user, db, accounts, ct);
        if (account is null) return problem!;
        var message = await db.WeComGroupMessages.FirstOrDefaultAsync(m => m.Id == messageId && m.AccountId == id && m.WorkspaceId == account.WorkspaceId, ct);
        if (message is null) return Problems.NotFound("Group message", messageId);
        try
        {
            await messages.RefreshAsync(account, message, ct);
        }
        catch (Exception ex) when (FromWeCom(ex) is { } failed)
        {
            return failed;
        }
        await db.SaveChangesAsync(ct);
        var locale = (await config.GetAsync(account.WorkspaceId, ct)).Workspace.Locale;
        return TypedResults.Ok(View(message, locale));
    }

    private static GroupMessageResponse View(WeComGroupMessage m, string locale)
    {
        var groups = m.ChatIds.Select((chat, i) => new GroupMessageGroup(i < m.CommunityIds.Count ? m.CommunityIds[i] : null, chat,
            m.Refused.Contains(chat) ? "refused" : m.Results.GetValueOrDefault(chat, 0) switch
            {
                1 => "sent",
                2 => "notAContact",
                3 => "overCap",
                _ => "waiting",
            })).ToList();
        var text = BotText.Format($"WeComMessage_{m.Status}", locale, new Dictionary<string, string>
        {
            ["sender"] = m.Sender,
            ["refused"] = groups.Count(g => g.Status is "refused" or "overCap" or "notAContact").ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return new GroupMessageResponse(m.Id, m.MsgId, m.Sender, m.Status, text, m.Text, groups, m.CreatedAt, m.RefreshedAt, m.LastError);
    }
}
