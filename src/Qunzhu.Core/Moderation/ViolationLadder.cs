using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Moderation;

/// <summary>Escalation for repeat offenders with a decaying memory: only violations less than
/// <see cref="ModerationSettings.WindowHours"/> old count, so a member who behaves for a day
/// starts again at a warning. With the default ladder: warn, then mute 60 minutes, then remove.</summary>
public static class ViolationLadder
{
    public static LadderDecision Next(IEnumerable<DateTime> previousViolationsUtc, DateTime nowUtc, ModerationSettings settings)
    {
        var ladder = settings.Ladder;
        if (ladder.Count == 0) throw new ArgumentException("The moderation ladder has no steps.", nameof(settings));
        var window = TimeSpan.FromHours(settings.WindowHours);
        // Strictly less than a window old; a timestamp after now (clock skew) is recent, not ignored.
        var counted = previousViolationsUtc.Count(at => nowUtc - at < window);
        var strike = counted + 1;
        return new LadderDecision(strike, ladder.Count, ladder[Math.Min(strike, ladder.Count) - 1]);
    }
}
