using System.Text.RegularExpressions;

namespace Qunzhu.Server.Apis;

/// Turns what an operator types ("https://www.Example.com/path") into the domain the link detector compares.
public static partial class Domains
{
    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex Host();

    public static string? Normalize(string? raw)
    {
        var s = raw?.Trim().ToLowerInvariant() ?? "";
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 3)..];
        var end = s.IndexOfAny(['/', '?', '#', ':']);
        if (end >= 0) s = s[..end];
        if (s.StartsWith("www.", StringComparison.Ordinal)) s = s[4..];
        return Host().IsMatch(s) ? s : null;
    }
}
