using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Calendar;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Server.Broadcasts;
using Qunzhu.Storage;

namespace Qunzhu.Server.Calendar;

/// <summary>Keeps each cell's broadcast in step with the matrix: a new cell schedules one (cron of its weekday and
/// time), an edit changes it in place (the next occurrence sends the new content), a removed cell cancels it.</summary>
public static class CalendarCells
{
    public static CalendarCell Add(AppDbContext db, CalendarMatrix matrix, DayOfWeek weekday, TimeOnly time, string theme, Guid? contentId, string? text,
        TimeZoneInfo zone, DateTime now)
    {
        var cell = new CalendarCell
        {
            WorkspaceId = matrix.WorkspaceId,
            MatrixId = matrix.Id,
            Weekday = weekday,
            Time = time,
            Theme = theme,
            ContentId = contentId,
            Text = text,
            CreatedAt = now,
            UpdatedAt = now,
        };
        cell.BroadcastId = ScheduleFor(db, matrix, cell, zone, now).Id;
        db.CalendarCells.Add(cell);
        return cell;
    }

    /// <summary>The cell's new theme and content go to its broadcast; one cancelled from the broadcasts page is
    /// scheduled again, since the matrix says the cell is wanted.</summary>
    public static async Task UpdateAsync(AppDbContext db, CalendarMatrix matrix, CalendarCell cell, string theme, Guid? contentId, string? text,
        TimeZoneInfo zone, DateTime now, CancellationToken ct)
    {
        (cell.Theme, cell.ContentId, cell.Text, cell.UpdatedAt) = (theme, contentId, text, now);
        var broadcast = await db.Broadcasts.FirstOrDefaultAsync(b => b.Id == cell.BroadcastId, ct);
        if (broadcast is null || broadcast.State == BroadcastState.Cancelled)
        {
            cell.BroadcastId = ScheduleFor(db, matrix, cell, zone, now).Id;
            return;
        }
        (broadcast.Name, broadcast.ContentId, broadcast.Text, broadcast.UpdatedAt) = (CalendarInput.BroadcastName(matrix, theme), contentId, text, now);
    }

    /// <summary>The matrix's targets, name and quiet hours on every cell's broadcast; a pending occurrence moves when
    /// the quiet hours that held it back changed.</summary>
    public static async Task SyncMatrixAsync(AppDbContext db, CalendarMatrix matrix, IReadOnlyList<CalendarCell> cells, TimeZoneInfo zone, DateTime now,
        CancellationToken ct)
    {
        var ids = cells.Select(c => c.BroadcastId).ToList();
        var broadcasts = await db.Broadcasts.Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, ct);
        foreach (var cell in cells)
        {
            if (!broadcasts.TryGetValue(cell.BroadcastId, out var b) || b.State == BroadcastState.Cancelled) continue;
            (b.Targets, b.Name, b.UpdatedAt) = (matrix.ToTargets(), CalendarInput.BroadcastName(matrix, cell.Theme), now);
            if (b.QuietHours == matrix.QuietHours) continue;
            b.QuietHours = matrix.QuietHours;
            var prefix = b.Id.ToString("N") + ":";
            var pending = await db.ScheduledJobs.Where(j => j.Kind == BroadcastJobs.OccurrenceKind && j.Status == ScheduledJobStatus.Pending
                && j.Payload != null && j.Payload.StartsWith(prefix)).ToListAsync(ct);
            foreach (var job in pending)
            {
                var (_, occurrence) = BroadcastJobs.ParseOccurrence(job.Payload!);
                var due = BroadcastSchedule.SendTime(occurrence, matrix.QuietHours, zone);
                (job.DueAt, job.Version) = (due > now ? due : now, job.Version + 1);
                if (b.State != BroadcastState.Draft) b.NextRunAt = job.DueAt;
            }
        }
    }

    /// <summary>Stops what the cells send: their broadcasts are cancelled (planned targets of a run under way too).</summary>
    public static async Task CancelAsync(AppDbContext db, IReadOnlyList<CalendarCell> cells, DateTime now, CancellationToken ct)
    {
        var ids = cells.Select(c => c.BroadcastId).ToList();
        foreach (var b in await db.Broadcasts.Where(b => ids.Contains(b.Id) && b.State != BroadcastState.Cancelled).ToListAsync(ct))
            (b.State, b.NextRunAt, b.UpdatedAt) = (BroadcastState.Cancelled, null, now);
        var open = await db.BroadcastRuns.Where(r => ids.Contains(r.BroadcastId) && (r.State == BroadcastRunState.Planning || r.State == BroadcastRunState.Feeding))
            .ToListAsync(ct);
        foreach (var run in open) await BroadcastStepHandler.CancelAsync(db, run, ct);
        db.CalendarCells.RemoveRange(cells);
    }

    private static Broadcast ScheduleFor(AppDbContext db, CalendarMatrix matrix, CalendarCell cell, TimeZoneInfo zone, DateTime now)
    {
        var cronText = CalendarCell.CronFor(cell.Weekday, cell.Time);
        var cron = BroadcastSchedule.ParseCron(cronText, out _)!;
        var first = BroadcastSchedule.NextOccurrence(cron, now, zone)!.Value;
        var draft = new BroadcastDraft(CalendarInput.BroadcastName(matrix, cell.Theme), cell.ContentId, cell.Text, matrix.ToTargets(), null, cronText, cron,
            matrix.QuietHours, first, BroadcastSchedule.SendTime(first, matrix.QuietHours, zone));
        return BroadcastControl.Schedule(db, matrix.WorkspaceId, draft, CalendarCell.OriginFor(cell.Id), now);
    }
}
