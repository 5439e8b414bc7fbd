using Qunzhu.Core.Templates;

namespace Qunzhu.Core.CheckIns;

/// The arithmetic of check-ins, free of storage and clocks.
public static class CheckInCalculator
{
    /// The local calendar day of an instant in a time zone.
    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>Streak after checking in on <paramref name="today"/>, given the previous check-in.</summary>
    /// <returns>The previous streak + 1 when the previous day was yesterday, otherwise 1.</returns>
    public static int NextStreak(DateOnly? previousDay, int previousStreak, DateOnly today)
    {
        if (previousDay is not { } last) return 1;
        if (last >= today) throw new ArgumentException("A check-in on or after today is a repeat, not a new day.", nameof(previousDay));
        return last.AddDays(1) == today ? previousStreak + 1 : 1;
    }

    /// Points for a check-in: the base plus the bonus of every milestone the streak reaches today.
    public static int Points(CheckInSettings settings, int streak) =>
        settings.Points + settings.StreakBonuses.Where(b => b.Days == streak).Sum(b => b.Points);

    /// Whether a message is a check-in: one of the keywords, ignoring surrounding spaces and punctuation.
    public static bool IsCheckIn(CheckInSettings settings, string text)
    {
        // Whitespace is in the set too: "签到 ！" is as much a check-in as "签到！".
        var trimmed = text.Trim().TrimEnd('!', '！', '。', '.', '~', '～', ' ', '\u3000');
        return settings.Keywords.Any(k => string.Equals(trimmed, k.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
