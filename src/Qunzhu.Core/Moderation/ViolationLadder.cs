using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Moderation;

/// <summary>Which step of the ladder a new violation takes: only violations inside the decaying window
/// count, and the last step repeats.</summary>
public static class ViolationLadder
{
    public static LadderDecision Next(IEnumerable<DateTime> previousViolationsUtc, DateTime nowUtc, ModerationSettings settings)
    {
        var since = nowUtc.AddHours(-settings.WindowHours);
        var strike = previousViolationsUtc.Count(t => t > since && t <= nowUtc) + 1;
        var steps = settings.Ladder;
        return new LadderDecision(strike, steps.Count, steps[Math.Min(strike, steps.Count) - 1]);
    }
}

/// <param name="Strike">1-based count of violations in the window, this one included.</param>
/// <param name="MaxStrikes">Steps on the ladder: the strike at which the last step is reached.</param>
public sealed record LadderDecision(int Strike, int MaxStrikes, LadderStep Step);
