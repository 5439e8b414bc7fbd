using Cronos;

namespace Qunzhu.Core.Broadcasts;

/// <summary>When a broadcast's occurrences fall: pure functions of the schedule, the last occurrence, the
/// workspace's time zone and the quiet hours.</summary>
public static class BroadcastSchedule
{
    /// <summary>Parses five-field cron ("0 8 * * 1-5") or six-field with seconds; null and a message when invalid.</summary>
    public static CronExpression? ParseCron(string expression, out string? error)
    {
        error = null;
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            error = $"'{expression}' has {fields} fields; use five (minute hour day-of-month month day-of-week), e.g. \"0 8 * * 1-5\" for weekdays at 08:00.";
            return null;
        }
        try
        {
            return CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            error = $"'{expression}' is not a valid cron expression: {ex.Message}";
            return null;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>, in the zone's wall-clock time.</summary>
    public static DateTime? NextOccurrence(CronExpression cron, DateTime afterUtc, TimeZoneInfo zone) =>
        cron.GetNextOccurrence(DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc), zone);

    /// <summary>When an occurrence is actually sent: at once, or when the quiet hours it falls in end.</summary>
    public static DateTime SendTime(DateTime occurrenceUtc, QuietHours? quiet, TimeZoneInfo zone) =>
        quiet is null ? occurrenceUtc : quiet.NextAllowed(occurrenceUtc, zone);
}
