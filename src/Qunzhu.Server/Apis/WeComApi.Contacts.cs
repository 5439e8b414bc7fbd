using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Core.WeCom;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Customer contacts: "contact me" codes (contact ways) attributed by state, the customers they brought, and corp tags.
public static partial class WeComApi
{
    private const int MaxContactWayUsers = 100;
    private const int MaxTagNameLength = 30;

    private static void MapContacts(RouteGroupBuilder group)
    {
        group.MapPost("/contact-ways", CreateContactWay).WithName("CreateWeComContactWay")
            .WithSummary("A \"contact me\" channel code (add_contact_way) for 1–100 staff members; customers added through it carry its state (≤ 30 characters)");
        group.MapGet("/contact-ways", ListContactWays).WithName("ListWeComContactWays").WithSummary("Contact ways with the customers each brought");
        group.MapGet("/contacts", ListContacts).WithName("ListWeComContacts")
            .WithSummary("Customers as the contact callbacks reported them (added, edited, removed by staff or customer), optionally of one state");
        group.MapGet("/corp-tags", ListCorpTags).WithName("ListWeComCorpTags").WithSummary("The corp's customer tags, read from WeCom (get_corp_tag_list)");
        group.MapPost("/corp-tags", AddCorpTags).WithName("AddWeComCorpTags").WithSummary("Add tags to a tag group, or a new group with tags (add_corp_tag)");
        group.MapPost("/contacts/{externalUserId}/tags", MarkTags).WithName("MarkWeComContactTags")
            .WithSummary("Add or remove corp tags on a customer as one staff member sees them (mark_tag)");
    }

    public static async Task<Results<Created<ContactWayResponse>, ValidationProblem, ProblemHttpResult>> CreateContactWay(Guid id,
        CreateContactWayRequest request, ClaimsPrincipal user, AppDbContext db, WeComAccounts accounts, WeComApiClient client, TimeProvider time,
        CancellationToken ct)
    {
        var (account, problem) = await AccountAsync(id, user, db, accounts, ct);
        if (account is null) return problem!;
        var users = (request.UserIds ?? []).Select(u => u?.Trim()).Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).ToList();
        if (users.Count is 0 or > MaxContactWayUsers)
            return Problems.Invalid("userIds", $"Give 1 to {MaxContactWayUsers} staff members' WeCom user ids; {users.Count} were given.");
        var (state, badInput) = StateAndRemark(request.State, request.Remark, "qc");
        if (badInput is not null) return badInput;
        if (await db.WeComContactWays.AnyAsync(w => w.AccountId == id && w.State == state, ct))
            return Problems.Conflict("State in use", $"Another contact way of this account already uses state '{state}': each state attributes customers to one code.");
        try
        {
            var created = await client.AddContactWayAsync(account.Settings.Credentials,
                new ContactWay(Type: users.Count == 1 ? 1 : 2, Scene: 2, users!, state, request.Remark?.Trim()), ct);
            var way = new WeComContactWay
            {
                WorkspaceId = account.WorkspaceId,
                AccountId = id,
                State = state,
                Remark = request.Remark?.Trim(),
                ConfigId = created.ConfigId ?? throw new WeComApiException("externalcontact/add_contact_way", 0, "WeCom returned no config_id.", null),
                QrCode = created.QrCode,
                UserIds = users!,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.WeComContactWays.Add(way);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/platform-accounts/{id}/wecom/contact-ways/{way.Id}", View(way, 0, 0));
        }
        catch (Exception ex) when (FromWeCom(ex) is { } failed)
        {
            return failed;
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<ContactWayResponse>>, ProblemHttpResult>> ListContactWays(Guid id, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await IsWeComAccountAsync(db, user, id, workspaceId, ct)) return Problems.NotFound("WeCom account", id);
        var ways = await db.WeComContactWays.AsNoTracking().Where(w => w.AccountId == id && w.WorkspaceId == workspaceId)
            .OrderByDescending(w => w.CreatedAt).ToListAsync(ct);
        var states = ways.Select(w => w.State).ToList();
        var counts = await db.WeComContacts.AsNoTracking()
            .Where(c => c.AccountId == id && c.WorkspaceId == workspaceId && c.State != null && states.Contains(c.State))
            .GroupBy(c => c.State!)
            .Select(g => new { State = g.Key, All = g.Count(), Active = g.Count(c => c.RemovedAt == null) })
            .ToDictionaryAsync(x => x.State, StringComparer.Ordinal, ct);
        return TypedResults.Ok<IReadOnlyList<ContactWayResponse>>([.. ways.Select(w =>
            View(w, counts.GetValueOrDefault(w.State)?.All ?? 0, counts.GetValueOrDefault(w.State)?.Active ?? 0))]);
    }

    public static async Task<Results<Ok<IReadOnlyList<WeComContactResponse>>, ProblemHttpResult>> ListContacts(Guid id, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct, string? state = null, int limit = 200)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await IsWeComAccountAsync(db, user, id, workspaceId, ct)) return Problems.NotFound("WeCom account", id);
        var query = db.WeComContacts.AsNoTracking().Where(c => c.AccountId == id && c.WorkspaceId == workspaceId);
        if (!string.IsNullOrEmpty(state)) query = query.Where(c => c.State == state);
        var rows = await query.OrderByDescending(c => c.AddedAt).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<WeComContactResponse>>([.. rows.Select(c =>
            new WeComContactResponse(c.ExternalUserId, c.UserId, c.State, c.AddedAt, c.EditedAt, c.RemovedAt, c.RemovedBy, c.TagIds))]);
    }

    /// <summary>A WeCom account of the caller's workspace that the caller may see (an Operator: one of their groups' accounts).</summary>
    private static Task<bool> IsWeComAccountAsync(AppDbContext db, ClaimsPrincipal user, Guid id, Guid workspaceId, CancellationToken ct)
    {
        var visible = db.VisibleAccountIds(user);
        return db.PlatformAccounts.AnyAsync(a => a.Id == id && a.WorkspaceId == workspaceId && a.Platform == Core.Platforms.PlatformKind.WeCom
                                                 && visible.Contains(a.Id), ct);
    }

    private static ContactWayResponse View(WeComContactWay w, int contacts, int active) =>
        new(w.Id, w.State, w.Remark, w.ConfigId, w.QrCode, w.UserIds, w.CreatedAt, contacts, active);
}
