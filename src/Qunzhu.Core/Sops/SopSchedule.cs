using Qunzhu.Core.Broadcasts;

namespace Qunzhu.Core.Sops;

/// <summary>When a step falls due for a target: pure functions of the step, the anchor instant, the
/// workspace's time zone and the quiet hours.</summary>
public static class SopSchedule
{
    /// <summary>The instants of a step (one, or one per week for a repeated weekly step), before quiet hours.
    /// A step whose time falls before the anchor (day 0 at 09:00 for a group created at 15:00) is due at the
    /// anchor itself: it is not skipped.</summary>
    public static IReadOnlyList<DateTime> Occurrences(SopStep step, DateTime anchorUtc, TimeZoneInfo zone)
    {
        anchorUtc = DateTime.SpecifyKind(anchorUtc, DateTimeKind.Utc);
        var localAnchor = TimeZoneInfo.ConvertTimeFromUtc(anchorUtc, zone);
        switch (step.Anchor)
        {
            case SopAnchor.Date:
                var onDate = LocalTime.ToUtc(step.Date!.Value.ToDateTime(step.At ?? TimeOnly.MinValue), zone);
                return [Max(onDate, anchorUtc)];
            case SopAnchor.Weekly:
                var at = step.At ?? TimeOnly.MinValue;
                var from = localAnchor.Date.AddDays(step.OffsetDays);
                var days = ((int)step.Weekday!.Value - (int)from.DayOfWeek + 7) % 7;
                var first = LocalTime.ToUtc(from.AddDays(days) + at.ToTimeSpan(), zone);
                // This week's slot has passed already: the first is next week's.
                if (first < anchorUtc) first = LocalTime.ToUtc(from.AddDays(days + 7) + at.ToTimeSpan(), zone);
                var firstLocal = TimeZoneInfo.ConvertTimeFromUtc(first, zone).Date;
                return [.. Enumerable.Range(0, Math.Max(1, step.Repeat)).Select(w => LocalTime.ToUtc(firstLocal.AddDays(7 * w) + at.ToTimeSpan(), zone))];
            default:
                if (step.At is { } time)
                    return [Max(LocalTime.ToUtc(localAnchor.Date.AddDays(step.OffsetDays) + time.ToTimeSpan(), zone), anchorUtc)];
                return [anchorUtc.AddDays(step.OffsetDays).AddMinutes(step.OffsetMinutes)];
        }
    }

    /// <summary>When the step is actually done: at once, or when the quiet hours it falls in end.</summary>
    public static DateTime DueAt(DateTime occurrenceUtc, QuietHours? quiet, TimeZoneInfo zone) =>
        BroadcastSchedule.SendTime(occurrenceUtc, quiet, zone);

    /// <summary>Done on time or late: late is more than the tolerance after it was due.</summary>
    public static SopExecutionStatus Outcome(DateTime dueAt, DateTime executedAt, int toleranceMinutes) =>
        executedAt - dueAt > TimeSpan.FromMinutes(toleranceMinutes) ? SopExecutionStatus.DoneLate : SopExecutionStatus.DoneOnTime;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
