using System.Buffers;
using System.Text.RegularExpressions;

namespace Qunzhu.Core.Moderation;

/// <summary>Finds links in chat text: explicit http(s) URLs, www. hosts, and bare domains ending
/// in a common TLD (example.com/path, t.me/x, 看这里abc.cn哦). Decimals, times, ellipses and
/// e-mail addresses are not links. Matching runs on the width- and case-folded text, so
/// ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ reads as www.example.com.</summary>
public static partial class LinkDetector
{
    /// Invisible chars spammers put inside a domain so that a plain search misses it.
    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u200B\u200C\u200D\u2060\uFEFF\u00AD");
    private static readonly SearchValues<char> Dots = SearchValues.Create(".．");
    /// Names that are spelled like domains and said in chat far more often than linked to.
    private static readonly string[] NotLinks = ["asp.net", "vb.net", "ado.net"];

    /// <summary>The first host in the text that is neither an allowed domain nor a subdomain of
    /// one, lower-cased; null when every link is allowed or there is none.</summary>
    public static string? FindDisallowedLink(string text, IReadOnlyCollection<string> allowedDomains)
    {
        if (!text.AsSpan().ContainsAny(Dots)) return null;
        var folded = TextNormalizer.FoldWidthAndCase(WithoutInvisible(text));
        for (var match = HostPattern().Match(folded); match.Success; match = match.NextMatch())
        {
            var host = match.Groups["host"].Value.Trim('.', '-');
            if (host.Length == 0 || NotLinks.Contains(host, StringComparer.Ordinal)) continue;
            if (!IsAllowed(host, allowedDomains)) return host;
        }
        return null;
    }

    /// <summary>Whether a host is an allowed domain or a subdomain of one, ignoring case: the
    /// entry qq.com allows qq.com and *.qq.com (mp.weixin.qq.com), not evilqq.com. Entries may be
    /// written as *.qq.com, .qq.com or https://qq.com/ too.</summary>
    public static bool IsAllowed(string host, IReadOnlyCollection<string> allowed)
    {
        var h = host.AsSpan().Trim().TrimEnd('.');
        foreach (var entry in allowed)
        {
            var domain = DomainOf(entry);
            if (domain.IsEmpty || h.Length < domain.Length || !h.EndsWith(domain, StringComparison.OrdinalIgnoreCase)) continue;
            if (h.Length == domain.Length || h[h.Length - domain.Length - 1] == '.') return true;
        }
        return false;
    }

    private static ReadOnlySpan<char> DomainOf(string entry)
    {
        var d = entry.AsSpan().Trim();
        var scheme = d.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) d = d[(scheme + 3)..];
        var slash = d.IndexOf('/');
        if (slash >= 0) d = d[..slash];
        if (d.StartsWith("*.", StringComparison.Ordinal)) d = d[2..];
        return d.Trim('.');
    }

    private static string WithoutInvisible(string text)
    {
        if (!text.AsSpan().ContainsAny(Invisible)) return text;
        return string.Concat(text.Where(c => !Invisible.Contains(c)));
    }

    // Backtracking is bounded: every repetition has a small upper limit and the label class
    // excludes the dot that ends it, and a match may only start where no host, e-mail or word
    // runs into it (the lookbehind), so each start costs a constant and starts are word starts.
    // Alternatives: an explicit scheme takes any host (IPs, unknown TLDs); so does www.;
    // otherwise the host must end in a TLD from the list (not .wang/.ren/.la/.ai/.de: "Mr.Wang"
    // is a name far more often than a link), optionally followed by more labels
    // (qq.com.evil must not read as qq.com). Not followed by '@' keeps john.info@x.com out.
    [GeneratedRegex("""
        (?<![a-z0-9@.-])
        (?:
            https?://(?:[a-z0-9._~%!$&'()*+,;=:-]{1,64}@)?(?<host>[a-z0-9][a-z0-9.-]{0,252})
          | (?<host>www\.[a-z0-9-]{1,63}\.[a-z0-9][a-z0-9.-]{0,185})
          | (?<host>(?:[a-z0-9-]{1,63}\.){1,30}
                (?:com|net|org|cn|io|me|cc|top|xyz|info|biz|co|tv|vip|club|shop|site|online|app|dev|ly|gl
                  |hk|tw|jp|uk|ru|sg|tk|ml|ga|cf|gq|pw|ws|icu|link|live|store|tech|cloud|ink|asia|mobi|gg|fm)
                (?:\.[a-z0-9-]{1,63}){0,4})
        )
        (?![a-z0-9-]|@)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();
}
