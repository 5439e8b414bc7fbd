using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Calendar;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Apis;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Broadcasts;
using Qunzhu.Storage;

namespace Qunzhu.Server.Calendar;

/// <summary>What goes out when: every send still to come of the scheduled and recurring broadcasts (calendar cells
/// included), expanded in the workspace's time zone after quiet hours, plus the runs that already went out in the window.
/// Cancelled broadcasts send nothing; paused ones and drafts only show with includeInactive=true.</summary>
public static class CalendarOccurrences
{
    public const int MaxDays = 62;
    public const int MaxEntries = 2000;

    public static async Task<Results<Ok<CalendarResponse>, ValidationProblem>> Get(ClaimsPrincipal user, AppDbContext db, ConfigCache config, TimeProvider time,
        CancellationToken ct, string? from = null, string? to = null, bool includeInactive = false)
    {
        var workspaceId = user.WorkspaceIdOf();
        var cfg = await config.GetAsync(workspaceId, ct);
        var zone = cfg.Zone;
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var start = Parse(from, "from", zone, errors) ?? WeekStart(now, zone);
        var end = Parse(to, "to", zone, errors) ?? LocalTime.ToUtc(Local(start, zone).Date.AddDays(7), zone);
        if (errors.Count == 0 && end <= start) errors["to"] = ["'to' must be after 'from'."];
        if (errors.Count == 0 && (end - start).TotalDays > MaxDays) errors["to"] = [$"Ask for at most {MaxDays} days at a time."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var visible = db.VisibleCommunityIds(user);
        var states = includeInactive ? new[] { BroadcastState.Active, BroadcastState.Paused, BroadcastState.Draft } : [BroadcastState.Active];
        var broadcasts = await db.Broadcasts.AsNoTracking()
            .Where(b => b.WorkspaceId == workspaceId && states.Contains(b.State) && (b.Cron != null || b.NextRunAt != null || b.State == BroadcastState.Draft))
            .ToListAsync(ct);
        var cells = await CellsAsync(db, broadcasts.Select(b => b.Id).ToList(), ct);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<CalendarEntry>();
        foreach (var b in broadcasts)
        {
            var key = JsonSerializer.Serialize(b.Targets);
            if (!counts.TryGetValue(key, out var targets))
                counts[key] = targets = await BroadcastTargeting.Query(db, workspaceId, b.Targets).Where(c => visible.Contains(c.Id)).CountAsync(ct);
            if (targets == 0 && user.RoleOf() == Core.Workspaces.StaffRole.Operator) continue;   // none of their groups
            var status = b.State switch { BroadcastState.Paused => BroadcastStatus.Paused, BroadcastState.Draft => BroadcastStatus.Draft, _ => BroadcastStatus.Scheduled };
            var cell = cells.GetValueOrDefault(b.Id);
            foreach (var o in CalendarExpansion.Expand(b.At, b.Cron, b.QuietHours, b.State == BroadcastState.Draft ? null : b.NextRunAt, start, end, now, zone, 500))
                entries.Add(new CalendarEntry(b.Id, b.Name, status, o.Occurrence, o.SendAt, LocalText(o.SendAt, zone), o.HeldByQuietHours, targets, null,
                    cell?.MatrixId, cell?.Id, cell?.Theme));
        }
        entries.AddRange(await RunsAsync(db, workspaceId, visible, start, end, zone, ct));
        return TypedResults.Ok(new CalendarResponse(cfg.Workspace.TimeZoneId, start, end, [.. entries.OrderBy(e => e.SendAt).ThenBy(e => e.Name).Take(MaxEntries)]));
    }

    private static async Task<List<CalendarEntry>> RunsAsync(AppDbContext db, Guid workspaceId, IQueryable<Guid> visible, DateTime start, DateTime end,
        TimeZoneInfo zone, CancellationToken ct)
    {
        var runs = await db.BroadcastRuns.AsNoTracking().Where(r => r.WorkspaceId == workspaceId && r.CreatedAt >= start && r.CreatedAt < end)
            .OrderBy(r => r.CreatedAt).Take(MaxEntries).ToListAsync(ct);
        if (runs.Count == 0) return [];
        var runIds = runs.Select(r => r.Id).ToList();
        var counts = await db.BroadcastDeliveries.Where(d => runIds.Contains(d.RunId) && visible.Contains(d.CommunityId))
            .GroupBy(d => d.RunId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ids = runs.Select(r => r.BroadcastId).Distinct().ToList();
        var names = await db.Broadcasts.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var cells = await CellsAsync(db, ids, ct);
        var statuses = (await BroadcastReads.RunResponsesAsync(db, runs, ct)).ToDictionary(r => r.Response.Id, r => r.Response.Status);
        return [.. runs.Where(r => counts.ContainsKey(r.Id)).Select(r =>
        {
            var cell = cells.GetValueOrDefault(r.BroadcastId);
            return new CalendarEntry(r.BroadcastId, names.GetValueOrDefault(r.BroadcastId) ?? "", statuses[r.Id], r.Occurrence, r.CreatedAt, LocalText(r.CreatedAt, zone),
                r.CreatedAt > r.Occurrence.AddMinutes(1), counts[r.Id], r.Id, cell?.MatrixId, cell?.Id, cell?.Theme);
        })];
    }

    private static async Task<Dictionary<Guid, CalendarCell>> CellsAsync(AppDbContext db, List<Guid> broadcastIds, CancellationToken ct) =>
        await db.CalendarCells.AsNoTracking().Where(c => broadcastIds.Contains(c.BroadcastId)).ToDictionaryAsync(c => c.BroadcastId, ct);

    /// A local date ("2026-12-07": its midnight in the workspace's zone) or an ISO-8601 instant.
    private static DateTime? Parse(string? text, string field, TimeZoneInfo zone, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return LocalTime.ToUtc(date.ToDateTime(TimeOnly.MinValue), zone);
        var offset = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (text.Length >= 16 && offset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant.UtcDateTime;
        if (text.Length >= 16 && !offset && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return LocalTime.ToUtc(local, zone);
        errors[field] = [$"'{text}' is not a date; use a local date (2026-12-07) or an ISO-8601 time (2026-12-07T00:00:00+08:00)."];
        return null;
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// Monday 00:00 of this local week.
    private static DateTime WeekStart(DateTime now, TimeZoneInfo zone)
    {
        var today = Local(now, zone).Date;
        return LocalTime.ToUtc(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), zone);
    }

    private static string LocalText(DateTime utc, TimeZoneInfo zone) => Local(utc, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
