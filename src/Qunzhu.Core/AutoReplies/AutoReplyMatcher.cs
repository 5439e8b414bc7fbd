using System.Text.RegularExpressions;

namespace Qunzhu.Core.AutoReplies;

/// <summary>A compiled rule set: picks the rule that answers a message. Regexes run on the
/// non-backtracking engine (time linear in the text, so an operator's pattern cannot stall the engine),
/// with a timeout as a last guard.</summary>
public sealed class AutoReplyMatcher
{
    /// <summary>Wall-clock, so generous: at 50 ms a busy two-core host that paused the thread made a
    /// matching rule silently not answer (the test suite caught it under load).</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private readonly IReadOnlyList<(AutoReplyRule Rule, Regex? Regex)> _rules;

    public AutoReplyMatcher(IEnumerable<AutoReplyRule> rules)
    {
        _rules = [.. rules
            .Where(r => r.Enabled)
            .OrderByDescending(r => r.Priority).ThenBy(r => r.CreatedAt)
            .Select(r => (r, r.Match == MatchMode.Regex ? Compile(r.Keywords) : null))];
    }

    public int Count => _rules.Count;

    /// <summary>Null when the pattern is valid, else a message saying what is wrong.</summary>
    public static string? ValidatePattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, RegexTimeout);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
        catch (NotSupportedException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The first rule in scope that matches, or null.</summary>
    /// <param name="inScope">Whether a rule applies to the group the message came from.</param>
    public AutoReplyRule? Match(string text, Func<AutoReplyRule, bool> inScope)
    {
        var trimmed = text.Trim();
        foreach (var (rule, regex) in _rules)
        {
            if (!inScope(rule)) continue;
            if (Matches(rule, regex, trimmed)) return rule;
        }
        return null;
    }

    private static bool Matches(AutoReplyRule rule, Regex? regex, string text) => rule.Match switch
    {
        MatchMode.Exact => rule.Keywords.Any(k => string.Equals(text, k.Trim(), StringComparison.OrdinalIgnoreCase)),
        MatchMode.Contains => rule.Keywords.Any(k => k.Length > 0 && text.Contains(k, StringComparison.OrdinalIgnoreCase)),
        MatchMode.Regex => regex is not null && SafeIsMatch(regex, text),
        _ => false,
    };

    private static bool SafeIsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    // No patterns must mean "matches nothing", as for the other modes; joined they would be
    // the empty pattern, which matches every message.
    private static Regex? Compile(IEnumerable<string> patterns)
    {
        var alternatives = patterns.Where(p => p.Length > 0).Select(p => $"(?:{p})").ToList();
        return alternatives.Count == 0
            ? null
            : new(string.Join('|', alternatives), RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, RegexTimeout);
    }
}
