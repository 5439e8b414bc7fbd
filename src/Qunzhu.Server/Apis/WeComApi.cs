using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.Groups;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// WeCom-only operations of a WeCom platform account: group sync, channel codes (join ways), group broadcasts.
public static partial class WeComApi
{
    public static RouteGroupBuilder MapWeComApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/platform-accounts/{id:guid}/wecom").WithTags("WeCom");
        group.MapPost("/sync-groups", SyncGroups).WithName("SyncWeComGroups")
            .WithSummary("Read every customer group (groupchat/list + get): communities created or renamed, members synced");
        group.MapPost("/join-ways", CreateJoinWay).WithName("CreateWeComJoinWay")
            .WithSummary("A channel code: a join way into 1–5 groups whose state attributes the members who join through it");
        group.MapGet("/join-ways", ListJoinWays).WithName("ListWeComJoinWays").WithSummary("Channel codes with their join counts");
        group.MapPost("/group-messages", CreateGroupMessage).WithName("CreateWeComGroupMessage")
            .WithSummary("A broadcast to customer groups (add_msg_template); sent when the group owner confirms it in WeCom");
        MapContacts(group);
        group.MapGet("/group-messages", ListGroupMessages).WithName("ListWeComGroupMessages").WithSummary("Broadcasts and their last known status");
        group.MapPost("/group-messages/{messageId:guid}/refresh", RefreshGroupMessage).WithName("RefreshWeComGroupMessage")
            .WithSummary("Read the broadcast's status from WeCom (get_groupmsg_send_result)");
        return api;
    }

    public static async Task<Results<Ok<WeComSyncResponse>, ProblemHttpResult>> SyncGroups(Guid id, ClaimsPrincipal user, AppDbContext db,
        WeComAccounts accounts, WeComGroupSync sync, CancellationToken ct)
    {
        var (account, problem) = await AccountAsync(id, user, db, accounts, ct);
        if (account is null) return problem!;
        try
        {
            var r = await sync.SyncAsync(account, ct);
            return TypedResults.Ok(new WeComSyncResponse(r.Groups, r.Created, r.Renamed, r.Members, r.Joined, r.Left));
        }
        catch (Exception ex) when (FromWeCom(ex) is { } failed)
        {
            return failed;
        }
    }

    public static async Task<Results<Created<JoinWayResponse>, ValidationProblem, ProblemHttpResult>> CreateJoinWay(Guid id,
        CreateJoinWayRequest request, ClaimsPrincipal user, AppDbContext db, WeComAccounts accounts, WeComJoinWays joinWays, CancellationToken ct)
    {
        var (account, problem) = await AccountAsync(id, user, db, accounts, ct);
        if (account is null) return problem!;
        var (communities, invalid) = await CommunitiesAsync(request.CommunityIds, id, user.WorkspaceIdOf(), db, JoinWayLimit, ct);
        if (invalid is not null) return invalid;
        var (state, badInput) = StateAndRemark(request.State, request.Remark, "qz");
        if (badInput is not null) return badInput;
        if (await db.WeComJoinWays.AnyAsync(w => w.AccountId == id && w.State == state, ct))
            return Problems.Conflict("State in use", $"Another channel code of this account already uses state '{state}': each state attributes joins to one code.");
        try
        {
            var way = await joinWays.CreateAsync(account, communities!, state, request.Remark?.Trim(), ct);
            return TypedResults.Created($"/api/v1/platform-accounts/{id}/wecom/join-ways/{way.Id}",
                new JoinWayResponse(way.Id, way.State, way.Remark, way.ConfigId, way.QrCode, way.CommunityIds, way.CreatedAt, 0, 0));
        }
        catch (Exception ex) when (FromWeCom(ex) is { } failed)
        {
            return failed;
        }
    }

    /// <summary>The state a channel code (join way or contact way) attributes by: the caller's, or a random one
    /// with the given prefix; checked against WeCom's length limit, together with the remark.</summary>
    private static (string State, ValidationProblem? Problem) StateAndRemark(string? requested, string? remark, string prefix)
    {
        var state = string.IsNullOrWhiteSpace(requested) ? prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)) : requested.Trim();
        if (state.Length > JoinWay.MaxStateLength)
            return (state, Problems.Invalid("state", $"The state has at most {JoinWay.MaxStateLength} characters (WeCom's limit); this one has {state.Length}."));
        if (remark is { Length: > 200 }) return (state, Problems.Invalid("remark", "A remark has at most 200 characters."));
        return (state, null);
    }

    public static async Task<Results<Ok<IReadOnlyList<JoinWayResponse>>, ProblemHttpResult>> ListJoinWays(Guid id, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var accounts = db.VisibleAccountIds(user);
        if (!await db.PlatformAccounts.AnyAsync(a => a.Id == id && a.WorkspaceId == workspaceId && a.Platform == PlatformKind.WeCom && accounts.Contains(a.Id), ct))
            return Problems.NotFound("WeCom account", id);
        var ways = await db.WeComJoinWays.AsNoTracking().Where(w => w.AccountId == id && w.WorkspaceId == workspaceId)
            .OrderByDescending(w => w.CreatedAt).ToListAsync(ct);
        var groups = db.VisibleCommunities(user).Where(c => c.AccountId == id);
        if (user.IsOperator())
        {
            // An Operator sees the codes that lead into one of their groups, with only their groups and their groups' joins.
            var mine = (await groups.Select(c => c.Id).ToListAsync(ct)).ToHashSet();
            ways = [.. ways.Where(w => w.CommunityIds.Any(mine.Contains))];
            foreach (var w in ways) w.CommunityIds = [.. w.CommunityIds.Where(mine.Contains)];
        }
        var states = ways.Select(w => w.State).ToList();
        // A join's invite code is the state WeCom reported for it; only this account's groups count.
        var joins = await db.Memberships.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.InviteCode != null && states.Contains(m.InviteCode)
                        && groups.Any(c => c.Id == m.CommunityId))
            .GroupBy(m => m.InviteCode!)
            .Select(g => new { State = g.Key, Joins = g.Count(), Active = g.Count(m => m.LeftAt == null) })
            .ToDictionaryAsync(x => x.State, StringComparer.Ordinal, ct);
        return TypedResults.Ok<IReadOnlyList<JoinWayResponse>>([.. ways.Select(w => new JoinWayResponse(w.Id, w.State, w.Remark, w.ConfigId,
            w.QrCode, w.CommunityIds, w.CreatedAt, joins.GetValueOrDefault(w.State)?.Joins ?? 0, joins.GetValueOrDefault(w.State)?.Active ?? 0))]);
    }

    private const int JoinWayLimit = JoinWay.MaxChats;

    /// <summary>The account, if it is a WeCom account of the caller's workspace that is enabled.</summary>
    private static async Task<(WeComAccountContext? Account, ProblemHttpResult? Problem)> AccountAsync(Guid id, ClaimsPrincipal user,
        AppDbContext db, WeComAccounts accounts, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var row = await db.PlatformAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.WorkspaceId == workspaceId, ct);
        if (row is null) return (null, Problems.NotFound("Platform account", id));
        if (row.Platform != PlatformKind.WeCom)
            return (null, TypedResults.Problem(statusCode: 400, title: "Not a WeCom account", detail: $"Account '{row.Name}' is a {row.Platform} account."));
        if (await accounts.FindAsync(id, ct) is not { } account)
            return (null, Problems.Conflict("Account disabled", $"Enable account '{row.Name}' first."));
        return (account, null);
    }

    /// <summary>1 to <paramref name="max"/> distinct communities of this account in the caller's workspace.</summary>
    private static async Task<(List<Community>? Communities, ValidationProblem? Problem)> CommunitiesAsync(IReadOnlyList<Guid>? ids,
        Guid accountId, Guid workspaceId, AppDbContext db, int max, CancellationToken ct)
    {
        var wanted = (ids ?? []).Distinct().ToList();
        if (wanted.Count == 0 || wanted.Count > max)
            return (null, Problems.Invalid("communityIds", $"Give 1 to {max} community ids; {wanted.Count} were given."));
        var found = await db.Communities.Where(c => wanted.Contains(c.Id) && c.WorkspaceId == workspaceId).ToListAsync(ct);
        if (wanted.FirstOrDefault(w => found.All(c => c.Id != w)) is var missing && missing != Guid.Empty)
            return (null, Problems.Invalid("communityIds", $"No community with id '{missing}' exists in your workspace."));
        if (found.FirstOrDefault(c => c.AccountId != accountId) is { } other)
            return (null, Problems.Invalid("communityIds", $"'{other.Name}' is not a group of this WeCom account; sync groups first if it should be."));
        return ([.. wanted.Select(w => found.First(c => c.Id == w))], null);
    }

    /// <summary>WeCom's refusal as a problem a user can act on: 503 with a retry time when it is busy or
    /// rate-limited, 502 with WeCom's errcode and errmsg otherwise; null for exceptions that are not WeCom's.</summary>
    private static ProblemHttpResult? FromWeCom(Exception ex) => ex switch
    {
        WeComApiException { IsTransient: true } busy => TypedResults.Problem(statusCode: 503, title: "WeCom is busy",
            detail: $"{busy.Message}. Nothing was lost; try again in {busy.RetryAfter!.Value.TotalSeconds:0} s.",
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)busy.RetryAfter.Value.TotalSeconds, ["errcode"] = busy.ErrCode }),
        WeComApiException refused => TypedResults.Problem(statusCode: 502, title: "WeCom refused the request", detail: refused.Message,
            extensions: new Dictionary<string, object?> { ["errcode"] = refused.ErrCode }),
        HttpRequestException or TaskCanceledException => TypedResults.Problem(statusCode: 502, title: "WeCom could not be reached",
            detail: "WeCom did not answer; check the account's apiBaseUrl and the server's network, then try again."),
        _ => null,
    };
}
