using Qunzhu.Core.Broadcasts;

namespace Qunzhu.Core.Calendar;

/// <summary>What a broadcast's schedule sends between two instants: pure, so the calendar view is tested with a fake
/// clock. Only sends still to come (at or after now) are expanded; what already went out is a run.</summary>
public static class CalendarExpansion
{
    /// Quiet hours move a send by less than a day, so occurrences up to a day before the window may land in it.
    private static readonly TimeSpan QuietReach = TimeSpan.FromDays(1);

    /// <param name="nextRunAt">The broadcast's next send as scheduled (a one-off's only one).</param>
    public static IReadOnlyList<CalendarOccurrence> Expand(DateTime? at, string? cron, QuietHours? quiet, DateTime? nextRunAt,
        DateTime fromUtc, DateTime toUtc, DateTime nowUtc, TimeZoneInfo zone, int max)
    {
        var start = fromUtc > nowUtc ? fromUtc : nowUtc;
        if (cron is null)
        {
            var occurrence = at ?? nextRunAt;
            if (occurrence is null) return [];
            var send = nextRunAt ?? BroadcastSchedule.SendTime(occurrence.Value, quiet, zone);
            return send >= start && send < toUtc ? [new CalendarOccurrence(occurrence.Value, send)] : [];
        }
        if (BroadcastSchedule.ParseCron(cron, out _) is not { } expression) return [];
        var result = new List<CalendarOccurrence>();
        var from = DateTime.SpecifyKind(start - QuietReach, DateTimeKind.Utc);
        foreach (var occurrence in expression.GetOccurrences(from, DateTime.SpecifyKind(toUtc, DateTimeKind.Utc), zone, fromInclusive: true, toInclusive: false))
        {
            var send = BroadcastSchedule.SendTime(occurrence, quiet, zone);
            if (send < start || send >= toUtc) continue;
            result.Add(new CalendarOccurrence(occurrence, send));
            if (result.Count >= max) break;
        }
        return result;
    }
}

/// <param name="Occurrence">When the schedule fires (UTC).</param>
/// <param name="SendAt">When it is sent: later than <paramref name="Occurrence"/> when quiet hours hold it back.</param>
public readonly record struct CalendarOccurrence(DateTime Occurrence, DateTime SendAt)
{
    public bool HeldByQuietHours => SendAt > Occurrence;
}
