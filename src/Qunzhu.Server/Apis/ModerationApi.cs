using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Moderation;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Workspace moderation: allowed domains, sensitive words, the shared blacklist, violations and a dry run.
public static class ModerationApi
{
    public static RouteGroupBuilder MapModerationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/moderation").WithTags("Moderation");
        group.MapGet("/settings", GetSettings).WithName("GetModerationSettings").WithSummary("Domains links may point to");
        group.MapPut("/settings", PutSettings).WithName("SetModerationSettings").WithSummary("Set the allowed domains (subdomains included)");
        group.MapSensitiveWords();
        group.MapGet("/blacklist", Blacklist).WithName("ListBlacklist").WithSummary("Members removed from every group on joining");
        group.MapPost("/blacklist", AddToBlacklist).WithName("AddToBlacklist").WithSummary("Blacklist a member across all groups");
        group.MapDelete("/blacklist/{memberId:guid}", RemoveFromBlacklist).WithName("RemoveFromBlacklist").WithSummary("Let a member join again");
        group.MapGet("/violations", Violations).WithName("ListViolations").WithSummary("Violations, newest first");
        group.MapPost("/scan", Scan).WithName("ScanText").WithSummary("Dry run: what moderation would find in a message (nothing is stored)");
        return api;
    }

    public static async Task<Ok<ModerationSettingsDto>> GetSettings(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var policy = await db.ModerationPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId, ct);
        return TypedResults.Ok(new ModerationSettingsDto(policy?.AllowedDomains ?? []));
    }

    public static async Task<Results<Ok<ModerationSettingsDto>, ValidationProblem>> PutSettings(ModerationSettingsDto request, ClaimsPrincipal user,
        AppDbContext db, ModerationListsCache lists, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var domains = new List<string>();
        foreach (var raw in request.AllowedDomains ?? [])
        {
            if (Domains.Normalize(raw) is not { } domain)
                return Problems.Invalid("allowedDomains", $"'{raw}' is not a domain. Write it like example.com (subdomains are included).");
            if (!domains.Contains(domain)) domains.Add(domain);
        }
        var policy = await db.ModerationPolicies.FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId, ct);
        if (policy is null) db.ModerationPolicies.Add(policy = new ModerationPolicy { WorkspaceId = workspaceId });
        policy.AllowedDomains = domains;
        policy.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        lists.Invalidate(workspaceId);
        return TypedResults.Ok(new ModerationSettingsDto(domains));
    }

    public static async Task<Ok<List<BlacklistResponse>>> Blacklist(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        // The list is shared by every group, but an Operator sees only the people who were in one of their groups.
        return TypedResults.Ok(await db.Blacklist.AsNoTracking().Where(b => b.WorkspaceId == workspaceId).OrderByDescending(b => b.CreatedAt)
            .Join(db.VisibleMembers(user), b => b.MemberId, m => m.Id, (b, m) => new BlacklistResponse(b.MemberId, m.DisplayName, b.Reason, b.Source, b.CreatedAt))
            .ToListAsync(ct));
    }

    public static async Task<Results<Created<BlacklistResponse>, ProblemHttpResult>> AddToBlacklist(BlacklistRequest request, ClaimsPrincipal user,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == request.MemberId && m.WorkspaceId == workspaceId, ct);
        if (member is null) return Problems.NotFound("Member", request.MemberId);
        if (await db.Blacklist.AnyAsync(b => b.MemberId == member.Id && b.WorkspaceId == workspaceId, ct))
            return Problems.Conflict("Already blacklisted", $"{member.DisplayName} is already on the blacklist.");
        var entry = new BlacklistEntry
        {
            WorkspaceId = workspaceId,
            MemberId = member.Id,
            Source = "manual",
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? "manual" : request.Reason.Trim()[..Math.Min(request.Reason.Trim().Length, 200)],
        };
        db.Blacklist.Add(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/moderation/blacklist/{member.Id}",
            new BlacklistResponse(member.Id, member.DisplayName, entry.Reason, entry.Source, entry.CreatedAt));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveFromBlacklist(Guid memberId, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var removed = await db.Blacklist.Where(b => b.MemberId == memberId && b.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        return removed == 0 ? Problems.NotFound("Blacklist entry", memberId) : TypedResults.NoContent();
    }

    public static async Task<Ok<PagedList<ViolationResponse>>> Violations(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        Guid? memberId = null, Guid? communityId = null, int page = 1, int pageSize = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var query = db.Violations.AsNoTracking().Where(v => v.WorkspaceId == workspaceId);
        if (user.IsOperator())
        {
            var visible = db.VisibleCommunityIds(user);
            query = query.Where(v => visible.Contains(v.CommunityId));
        }
        if (memberId is { } m) query = query.Where(v => v.MemberId == m);
        if (communityId is { } c) query = query.Where(v => v.CommunityId == c);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(v => v.At).Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.Members, v => v.MemberId, x => x.Id, (v, x) =>
                new ViolationResponse(v.Id, v.CommunityId, v.MemberId, x.DisplayName, v.Kind, v.Detail, v.Strike, v.Action, v.At))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ViolationResponse>(items, total, page, pageSize));
    }

    public static async Task<Results<Ok<ScanResponse>, ValidationProblem, ProblemHttpResult>> Scan(ScanRequest request, ClaimsPrincipal user,
        AppDbContext db, ConfigCache config, ModerationListsCache lists, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (string.IsNullOrEmpty(request.Text) || request.Text.Length > SandboxApi.MaxTextLength)
            return Problems.Invalid("text", $"Give the message text (1–{SandboxApi.MaxTextLength} characters).");
        var cfg = await config.GetAsync(workspaceId, ct);
        var settings = cfg.SettingsFor(null, null);
        if (request.CommunityId is { } id)
        {
            var community = await db.VisibleCommunities(user).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (community is null) return Problems.NotFound("Community", id);
            settings = cfg.SettingsFor(community.TemplateId, community.Overrides);
        }
        var finding = settings.Moderation.Enabled ? ModerationScanner.Scan(request.Text, settings.Moderation, await lists.GetAsync(workspaceId, ct)) : null;
        return TypedResults.Ok(new ScanResponse(finding));
    }
}
