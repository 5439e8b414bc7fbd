using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Templates;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Processing;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Groups on every platform: list, read, rename, retype, assign templates, per-group overrides, members, leaderboards.
public static class CommunitiesApi
{
    public static RouteGroupBuilder MapCommunitiesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/communities").WithTags("Communities");
        group.MapGet("/", List).WithName("ListCommunities").WithSummary("List communities, with search and filters (platform, type, templateId, tag)");
        group.MapGet("/{id:guid}", Get).WithName("GetCommunity").WithSummary("A community with its effective settings");
        group.MapPatch("/{id:guid}", Update).WithName("UpdateCommunity").WithSummary("Rename, change type or template").AllowOperators();
        group.MapPut("/{id:guid}/overrides", PutOverrides).WithName("SetCommunityOverrides")
            .WithSummary("Settings for this group only; each section given replaces the template's").AllowOperators();
        group.MapDelete("/{id:guid}/overrides", DeleteOverrides).WithName("ClearCommunityOverrides").WithSummary("Back to the template's settings").AllowOperators();
        group.MapGet("/{id:guid}/members", Members).WithName("ListCommunityMembers").WithSummary("Members of the group, current and former");
        group.MapPut("/{id:guid}/members/{memberId:guid}/role", SetRole).WithName("SetMemberRole")
            .WithSummary("Owner/admin members are exempt from moderation").AllowOperators();
        group.MapGet("/{id:guid}/leaderboard", Leaderboard).WithName("GetLeaderboard")
            .WithSummary("Check-in leaderboard: by=today (order of check-in), streak or total");
        return api;
    }

    public static async Task<Results<Ok<PagedList<CommunitySummary>>, ValidationProblem>> List(ClaimsPrincipal user, AppDbContext db,
        PlatformCatalog platforms, CancellationToken ct, string? search = null, string? platform = null, string? type = null, Guid? templateId = null, int page = 1, int pageSize = 50, string? tag = null)
    {
        var workspaceId = user.WorkspaceIdOf();
        PlatformKind? onPlatform = null;
        if (platform is not null)
        {
            if (!Enum.TryParse<PlatformKind>(platform, ignoreCase: true, out var p))
                return Problems.Invalid("platform", $"Unknown platform '{platform}'. Use sandbox, telegram, wecom or bridge.");
            onPlatform = p;
        }
        if (!CommunityTypes.TryParse(type, out var t))
            return Problems.Invalid("type", $"Unknown type '{type}'. Use one of: {string.Join(", ", CommunityTypes.Names)}.");
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var query = db.VisibleCommunities(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(c => c.Name.Contains(search.Trim()));
        if (onPlatform is { } kind) query = query.Where(c => c.Platform == kind);
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(c => c.Type == t);
        if (templateId is { } tid) query = query.Where(c => c.TemplateId == tid);
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var wanted = tag.Trim();
            query = query.Where(c => db.CommunityTags.Any(t => t.CommunityId == c.Id && t.Tag == wanted));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CommunitySummary(c.Id, c.Name, c.Platform, c.Type, c.TemplateId,
                db.Memberships.Count(m => m.CommunityId == c.Id && m.LeftAt == null), c.CreatedAt))
            .ToListAsync(ct);
        // What each group can do (its platform, its account's declaration, its own setting); the reasons are in its detail.
        var ids = items.Select(i => i.Id).ToList();
        var tags = (await db.CommunityTags.AsNoTracking().Where(t => ids.Contains(t.CommunityId)).Select(t => new { t.CommunityId, t.Tag }).ToListAsync(ct))
            .ToLookup(t => t.CommunityId, t => t.Tag);
        var owners = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Platform, c.AccountId, c.Capabilities }).ToDictionaryAsync(c => c.Id, ct);
        for (var i = 0; i < items.Count; i++)
        {
            var o = owners[items[i].Id];
            items[i] = items[i] with { Tags = [.. tags[o.Id].Order(StringComparer.Ordinal)] };
            if (!(await platforms.CapabilitiesAsync(o.Platform, o.AccountId, o.Capabilities, ct)).ReadsMessages)
                items[i] = items[i] with { Unavailable = [CapabilityNotes.CheckIn, CapabilityNotes.AutoReply, CapabilityNotes.Moderation] };
        }
        return TypedResults.Ok(new PagedList<CommunitySummary>(items, total, page, pageSize));
    }

    public static async Task<Results<Ok<CommunityDetail>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db,
        ConfigCache config, PlatformCatalog platforms, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var c = await db.VisibleCommunities(user).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null) return Problems.NotFound("Community", id);
        var cfg = await config.GetAsync(workspaceId, ct);
        var today = CheckInCalculator.LocalDay(time.GetUtcNow().UtcDateTime, cfg.Zone);
        var startOfDay = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), cfg.Zone);
        var active = await db.Memberships.CountAsync(m => m.CommunityId == id && m.LeftAt == null, ct);
        var messagesToday = await db.Messages.CountAsync(m => m.CommunityId == id && m.At >= startOfDay, ct);
        var capabilities = await platforms.CapabilitiesAsync(c, ct);
        return TypedResults.Ok(new CommunityDetail(c.Id, c.Name, c.Platform, c.ExternalId, c.Type, c.TemplateId, c.Overrides,
            cfg.SettingsFor(c.TemplateId, c.Overrides), capabilities, active, messagesToday, c.CreatedAt)
        {
            Unavailable = CapabilityNotes.For(c.Platform, capabilities, cfg.Workspace.Locale),
        });
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdateCommunityRequest request,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var c = await db.VisibleCommunities(user).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null) return Problems.NotFound("Community", id);
        if (request.Name is { } name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) return Problems.Invalid("name", "A name has 1–100 characters.");
            c.Name = name.Trim();
        }
        if (request.Type is not null)
        {
            if (!CommunityTypes.TryParse(request.Type, out var type))
                return Problems.Invalid("type", $"Unknown type '{request.Type}'. Use one of: {string.Join(", ", CommunityTypes.Names)}.");
            c.Type = type;
        }
        if (request.TemplateId is { } templateId)
        {
            if (!await db.Templates.AnyAsync(t => t.Id == templateId && t.WorkspaceId == workspaceId, ct))
                return Problems.Invalid("templateId", $"No template with id '{templateId}' exists in your workspace.");
            c.TemplateId = templateId;
        }
        if (request.ClearTemplate == true) c.TemplateId = null;
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<TemplateSettings>, ValidationProblem, ProblemHttpResult>> PutOverrides(Guid id,
        TemplateSettingsOverride overrides, ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var c = await db.VisibleCommunities(user).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null) return Problems.NotFound("Community", id);
        var cfg = await config.GetAsync(workspaceId, ct);
        var effective = cfg.SettingsFor(c.TemplateId, overrides);
        var errors = TemplateValidator.Validate(effective, "overrides");
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        c.Overrides = overrides.IsEmpty ? null : overrides;
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.Ok(effective);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteOverrides(Guid id, ClaimsPrincipal user, AppDbContext db,
        ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var c = await db.VisibleCommunities(user).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null) return Problems.NotFound("Community", id);
        c.Overrides = null;
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<PagedList<CommunityMemberResponse>>, ProblemHttpResult>> Members(Guid id, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct, bool includeFormer = false, int page = 1, int pageSize = 100)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await db.VisibleCommunities(user).AnyAsync(c => c.Id == id, ct)) return Problems.NotFound("Community", id);
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 500));
        var query = db.Memberships.AsNoTracking().Where(m => m.CommunityId == id && m.WorkspaceId == workspaceId);
        if (!includeFormer) query = query.Where(m => m.LeftAt == null);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(m => m.JoinedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Members, m => m.MemberId, p => p.Id, (m, p) =>
                new CommunityMemberResponse(m.MemberId, p.DisplayName, m.Role, m.JoinedAt, m.LeftAt, m.JoinCount, m.InviteCode))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<CommunityMemberResponse>(items, total, page, pageSize));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SetRole(Guid id, Guid memberId, SetRoleRequest request,
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var visible = db.VisibleCommunityIds(user);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.CommunityId == id && m.MemberId == memberId && m.WorkspaceId == workspaceId && visible.Contains(m.CommunityId), ct);
        if (membership is null) return Problems.NotFound("Membership", memberId);
        membership.Role = request.Role;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<IReadOnlyList<LeaderboardEntry>>, ValidationProblem, ProblemHttpResult>> Leaderboard(Guid id,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, TimeProvider time, CancellationToken ct, string by = "today", int limit = 20)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await db.VisibleCommunities(user).AnyAsync(c => c.Id == id, ct)) return Problems.NotFound("Community", id);
        limit = Math.Clamp(limit, 1, 200);
        var cfg = await config.GetAsync(workspaceId, ct);
        var today = CheckInCalculator.LocalDay(time.GetUtcNow().UtcDateTime, cfg.Zone);
        var yesterday = today.AddDays(-1);
        var checkIns = db.CheckIns.AsNoTracking().Where(c => c.CommunityId == id && c.WorkspaceId == workspaceId);
        var names = db.Members.AsNoTracking();
        List<LeaderboardEntry> rows;
        switch (by)
        {
            case "today":
                rows = await checkIns.Where(c => c.LocalDate == today).OrderBy(c => c.Rank).Take(limit)
                    .Join(names, c => c.MemberId, m => m.Id, (c, m) => new LeaderboardEntry(c.Rank, c.MemberId, m.DisplayName, c.Points, c.Rank, c.At))
                    .ToListAsync(ct);
                break;
            case "streak":
                // A streak is alive while its last check-in is today or yesterday.
                var latest = await checkIns.Where(c => c.LocalDate >= yesterday)
                    .Join(names, c => c.MemberId, m => m.Id, (c, m) => new { c.MemberId, m.DisplayName, c.Streak, c.LocalDate })
                    .ToListAsync(ct);
                rows = [.. latest.GroupBy(x => x.MemberId).Select(g => g.OrderByDescending(x => x.LocalDate).First())
                    .OrderByDescending(x => x.Streak).ThenBy(x => x.DisplayName).Take(limit)
                    .Select((x, i) => new LeaderboardEntry(i + 1, x.MemberId, x.DisplayName, x.Streak))];
                break;
            case "total":
                var totals = await checkIns.GroupBy(c => c.MemberId).Select(g => new { MemberId = g.Key, Total = g.Count() })
                    .OrderByDescending(x => x.Total).Take(limit)
                    .Join(names, x => x.MemberId, m => m.Id, (x, m) => new { x.MemberId, m.DisplayName, x.Total })
                    .ToListAsync(ct);
                rows = [.. totals.OrderByDescending(x => x.Total).ThenBy(x => x.DisplayName)
                    .Select((x, i) => new LeaderboardEntry(i + 1, x.MemberId, x.DisplayName, x.Total))];
                break;
            default:
                return Problems.Invalid("by", $"Unknown leaderboard '{by}'. Use today, streak or total.");
        }
        return TypedResults.Ok<IReadOnlyList<LeaderboardEntry>>(rows);
    }
}
