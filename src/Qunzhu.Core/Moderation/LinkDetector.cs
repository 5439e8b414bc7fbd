using System.Text.RegularExpressions;

namespace Qunzhu.Core.Moderation;

/// <summary>Finds links — with a scheme, starting with www., or a bare domain with a known top-level
/// domain ("看这里abc.cn哦", "t.me/xyz") — and reports the first host not on the allow-list.
/// Decimals ("99.9 元"), times ("8.30") and e-mail addresses are not links.</summary>
public static partial class LinkDetector
{
    private const string Tlds = "com|net|org|cn|io|me|cc|top|xyz|info|biz|co|tv|vip|club|shop|site|online|app|dev|ly|gl|hk|tw|link|live|store|tech|pro|wang|ink|fun|icu|work|mobi|asia|us|uk|jp|ru|de";

    // Hosts are ASCII labels; Chinese text may sit right next to them. The lookbehind rejects e-mail
    // addresses and the middle of longer tokens; lookarounds need the ordinary engine (with a timeout).
    [GeneratedRegex(@"(?:https?://(?<host>[a-z0-9][a-z0-9.-]*[a-z0-9])|(?<![@a-z0-9.-])(?<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + Tlds + @"))(?![a-z0-9-]))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Link();

    public static string? FindDisallowedLink(string text, IReadOnlyCollection<string> allowedDomains)
    {
        try
        {
            foreach (Match m in Link().Matches(Fold(text)))
            {
                var host = m.Groups["host"].Value.ToLowerInvariant().TrimEnd('.');
                if (host.Length == 0 || !host.Contains('.', StringComparison.Ordinal)) continue;
                if (!IsAllowed(host, allowedDomains)) return host;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Labels are bounded, so this needs pathological input; such a message is not judged a link.
        }
        return null;
    }

    /// <summary>Whether a host is an allowed domain or a subdomain of one.</summary>
    public static bool IsAllowed(string host, IReadOnlyCollection<string> allowed)
    {
        host = host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        foreach (var entry in allowed)
        {
            var domain = entry.Trim().ToLowerInvariant();
            if (domain.StartsWith("www.", StringComparison.Ordinal)) domain = domain[4..];
            if (domain.Length == 0) continue;
            if (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    // Full-width letters and the ideographic full stop are common ways to slip a link past a filter.
    private static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c is '。' or '．' ? '.' : c;
        }
    });
}
