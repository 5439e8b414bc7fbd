using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// One person across groups and platforms: list, profile, points, whitelist.
public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("Members");
        group.MapGet("/", List).WithName("ListMembers").WithSummary("Members, newest first; search by name");
        group.MapGet("/{id:guid}", Get).WithName("GetMember").WithSummary("360° profile: groups, points, check-ins, violations");
        group.MapGet("/{id:guid}/points", Points).WithName("GetMemberPoints").WithSummary("Balance and ledger entries, newest first");
        group.MapPatch("/{id:guid}", Update).WithName("UpdateMember").WithSummary("Whitelist (exempt from moderation) or not");
        return api;
    }

    public static async Task<Ok<PagedList<MemberSummary>>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        string? search = null, int page = 1, int pageSize = 50)
    {
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var query = db.VisibleMembers(user).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(m => m.DisplayName.Contains(search.Trim()));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new MemberSummary(m.Id, m.DisplayName, m.IsWhitelisted, m.CreatedAt)).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<MemberSummary>(items, total, page, pageSize));
    }

    public static async Task<Results<Ok<MemberProfile>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var m = await db.VisibleMembers(user).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (m is null) return Problems.NotFound("Member", id);
        var identities = await db.MemberIdentities.AsNoTracking().Where(i => i.MemberId == id && i.WorkspaceId == workspaceId)
            .Select(i => new MemberIdentityResponse(i.Platform, i.AccountId, i.ExternalUserId)).ToListAsync(ct);
        var groups = await db.Memberships.AsNoTracking().Where(s => s.MemberId == id && s.WorkspaceId == workspaceId)
            .Join(db.VisibleCommunities(user), s => s.CommunityId, c => c.Id, (s, c) =>
                new MemberGroupResponse(c.Id, c.Name, s.Role, s.JoinedAt, s.LeftAt, s.JoinCount, s.InviteCode))
            .ToListAsync(ct);
        // An Operator sees what the member did in their groups only: points, check-ins, messages and violations elsewhere are not theirs to read.
        var scoped = user.IsOperator();
        var visible = db.VisibleCommunityIds(user);
        var points = await db.PointsLedger.Where(p => p.MemberId == id && p.WorkspaceId == workspaceId && (!scoped || (p.CommunityId != null && visible.Contains(p.CommunityId.Value))))
            .SumAsync(p => p.Amount, ct);
        var checkIns = await db.CheckIns.Where(c => c.MemberId == id && c.WorkspaceId == workspaceId).InVisibleCommunities(db, user, c => c.CommunityId)
            .Select(c => new { c.CommunityId, c.LocalDate, c.Streak }).ToListAsync(ct);
        var streak = checkIns.GroupBy(c => c.CommunityId).Select(g => g.MaxBy(c => c.LocalDate)!.Streak).DefaultIfEmpty(0).Max();
        var messages = await db.Messages.Where(x => x.MemberId == id && x.WorkspaceId == workspaceId).InVisibleCommunities(db, user, x => x.CommunityId).CountAsync(ct);
        var violations = await db.Violations.AsNoTracking().Where(v => v.MemberId == id && v.WorkspaceId == workspaceId).InVisibleCommunities(db, user, v => v.CommunityId)
            .OrderByDescending(v => v.At).Take(20)
            .Select(v => new MemberViolationResponse(v.Id, v.CommunityId, v.Kind, v.Detail, v.Strike, v.Action, v.At)).ToListAsync(ct);
        var blacklisted = await db.Blacklist.AnyAsync(b => b.MemberId == id && b.WorkspaceId == workspaceId, ct);
        return TypedResults.Ok(new MemberProfile(m.Id, m.DisplayName, m.IsWhitelisted, blacklisted, m.CreatedAt,
            identities, groups, points, checkIns.Count, streak, messages, violations));
    }

    public static async Task<Results<Ok<PointsResponse>, ProblemHttpResult>> Points(Guid id, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct, int page = 1, int pageSize = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await db.VisibleMembers(user).AnyAsync(m => m.Id == id, ct)) return Problems.NotFound("Member", id);
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var scoped = user.IsOperator();
        var visible = db.VisibleCommunityIds(user);
        var ledger = db.PointsLedger.AsNoTracking().Where(p => p.MemberId == id && p.WorkspaceId == workspaceId
            && (!scoped || (p.CommunityId != null && visible.Contains(p.CommunityId.Value))));
        var total = await ledger.CountAsync(ct);
        var balance = await ledger.SumAsync(p => p.Amount, ct);
        var items = await ledger.OrderByDescending(p => p.At).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PointsEntryResponse(p.Id, p.Amount, p.Reason, p.Key, p.CommunityId, p.At)).ToListAsync(ct);
        return TypedResults.Ok(new PointsResponse(id, balance, new PagedList<PointsEntryResponse>(items, total, page, pageSize)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Update(Guid id, UpdateMemberRequest request, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var m = await db.Members.FirstOrDefaultAsync(m => m.Id == id && m.WorkspaceId == workspaceId, ct);
        if (m is null) return Problems.NotFound("Member", id);
        if (request.IsWhitelisted is { } whitelisted) m.IsWhitelisted = whitelisted;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
