using System.Globalization;
using Microsoft.Extensions.Localization;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Server.Admin.Text;

namespace Qunzhu.Server.Admin.Shared;

/// <summary>Cron in words for the usual shapes ("0 8 * * 1-5" → 工作日 08:00), and the next sends in the workspace's
/// time zone for every shape.</summary>
public static class CronText
{
    public static string? Describe(this IStringLocalizer<ConsoleText> l, string cron)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5 || f[2] != "*" || f[3] != "*") return null;
        if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59) return null;
        var time = f[1] == "*" ? null : int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour < 24 ? $"{hour:00}:{minute:00}" : null;
        if (time is null) return f[1] == "*" ? string.Format(CultureInfo.InvariantCulture, l["Cron_Hourly"].Value, minute) : null;
        return f[4] switch
        {
            "*" => string.Format(CultureInfo.InvariantCulture, l["Cron_Daily"].Value, time),
            "1-5" => string.Format(CultureInfo.InvariantCulture, l["Cron_Weekdays"].Value, time),
            "0,6" or "6,0" => string.Format(CultureInfo.InvariantCulture, l["Cron_Weekends"].Value, time),
            var days when Days(days) is { Count: > 0 } list =>
                string.Format(CultureInfo.InvariantCulture, l["Cron_Weekly"].Value, string.Join("、", list.Select(d => l["Weekday_" + d].Value)), time),
            _ => null,
        };
    }

    /// <summary>The next <paramref name="count"/> sends after <paramref name="nowUtc"/>, local, after quiet hours.</summary>
    public static IReadOnlyList<DateTime> NextRuns(string cron, QuietHours? quiet, TimeZoneInfo zone, DateTime nowUtc, int count = 3)
    {
        if (BroadcastSchedule.ParseCron(cron.Trim(), out _) is not { } expression) return [];
        var runs = new List<DateTime>();
        var after = nowUtc;
        while (runs.Count < count && BroadcastSchedule.NextOccurrence(expression, after, zone) is { } next)
        {
            runs.Add(TimeZoneInfo.ConvertTimeFromUtc(BroadcastSchedule.SendTime(next, quiet, zone), zone));
            after = next;
        }
        return runs;
    }

    private static List<DayOfWeek>? Days(string field)
    {
        var days = new List<DayOfWeek>();
        foreach (var part in field.Split(','))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d > 7) return null;
            days.Add((DayOfWeek)(d % 7));
        }
        return days;
    }
}
