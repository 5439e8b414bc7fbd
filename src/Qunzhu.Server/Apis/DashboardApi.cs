using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Today's numbers and a 14-day trend, each series one grouped query over the existing tables (no per-day round trips).
public static class DashboardApi
{
    public const int TrendDays = 14;

    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", Get).WithTags("Dashboard").WithName("GetDashboard")
            .WithSummary("Communities, members, today's activity, open staff tasks and a 14-day trend (an Operator's communities only)");
        return api;
    }

    public static async Task<Ok<DashboardResponse>> Get(ClaimsPrincipal user, AppDbContext db, ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var cfg = await config.GetAsync(workspaceId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = CheckInCalculator.LocalDay(now, cfg.Zone);
        var first = today.AddDays(-(TrendDays - 1));
        var since = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), cfg.Zone);
        // Days are cut at the zone's current offset: exact for zones without daylight saving (Asia/Shanghai), and at most an
        // hour off around a DST change elsewhere, which a trend line does not show.
        var offset = (int)cfg.Zone.GetUtcOffset(now).TotalMinutes;
        var visible = db.VisibleCommunityIds(user);
        var scoped = user.IsOperator();

        var communities = await db.VisibleCommunities(user).CountAsync(ct);
        var members = await db.VisibleMembers(user).CountAsync(ct);
        var messages = await db.Messages.Where(m => m.WorkspaceId == workspaceId && m.At >= since && (!scoped || visible.Contains(m.CommunityId)))
            .GroupBy(m => m.At.AddMinutes(offset).Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var checkIns = await db.CheckIns.Where(c => c.WorkspaceId == workspaceId && c.LocalDate >= first && (!scoped || visible.Contains(c.CommunityId)))
            .GroupBy(c => c.LocalDate).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var violations = await db.Violations.Where(v => v.WorkspaceId == workspaceId && v.At >= since && (!scoped || visible.Contains(v.CommunityId)))
            .GroupBy(v => v.At.AddMinutes(offset).Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var memberships = db.Memberships.Where(m => m.WorkspaceId == workspaceId && (!scoped || visible.Contains(m.CommunityId)));
        var joins = await memberships.Where(m => m.JoinedAt >= since)
            .GroupBy(m => m.JoinedAt.AddMinutes(offset).Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var leaves = await memberships.Where(m => m.LeftAt >= since)
            .GroupBy(m => m.LeftAt!.Value.AddMinutes(offset).Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var tasks = await db.StaffTasks.CountAsync(t => t.WorkspaceId == workspaceId && t.Status == StaffTaskStatus.Open
            && (!scoped || (t.CommunityId != null && visible.Contains(t.CommunityId.Value))), ct);

        int On<TKey>(IEnumerable<(TKey Day, int Count)> rows, Func<TKey, DateOnly> day, DateOnly d) => rows.Where(r => day(r.Day) == d).Sum(r => r.Count);
        var m = messages.Select(x => (x.Day, x.Count)).ToList();
        var c = checkIns.Select(x => (x.Day, x.Count)).ToList();
        var v = violations.Select(x => (x.Day, x.Count)).ToList();
        var j = joins.Select(x => (x.Day, x.Count)).ToList();
        var l = leaves.Select(x => (x.Day, x.Count)).ToList();
        var days = Enumerable.Range(0, TrendDays).Select(i => first.AddDays(i)).Select(d => new DashboardDay(d,
            On(m, DateOnly.FromDateTime, d), On(c, x => x, d), On(v, DateOnly.FromDateTime, d), On(j, DateOnly.FromDateTime, d), On(l, DateOnly.FromDateTime, d)))
            .ToList();
        var t = days[^1];
        return TypedResults.Ok(new DashboardResponse(communities, members, t.Messages, t.CheckIns, t.Violations, t.Joins, t.Leaves, tasks, days));
    }
}
