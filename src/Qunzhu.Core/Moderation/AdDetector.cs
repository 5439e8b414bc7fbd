using System.Text.RegularExpressions;

namespace Qunzhu.Core.Moderation;

/// <summary>Advertising lures: mainland mobile numbers (also written "138 1234 5678" or "138-1234-5678"),
/// WeChat-id lures ("加V", "vx: abc123", "微信号", "薇信"), QQ lures. Ordinary numbers — prices, times,
/// order ids longer than a phone number — are not ads.</summary>
public static partial class AdDetector
{
    // Fixed, linear patterns (no nested quantifiers): the ordinary engine with a timeout is safe here,
    // and lookarounds, which the non-backtracking engine lacks, keep longer numbers from matching.
    [GeneratedRegex(@"(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Phone();

    // On folded text (lower case, no spaces or punctuation): "加 V 信" → "加v信".
    [GeneratedRegex(@"加v(?!ip)|加微|加薇|加威|薇信|威信|微信号|vx[a-z0-9_]{5,}|wx[a-z0-9_]{5,}|加我好友|加q|扣扣\d{5,}|qq群|qq\d{5,}|私聊有惊喜|加群领", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Lure();

    public static string? Find(string text)
    {
        try
        {
            var phone = Phone().Match(text);
            if (phone.Success) return "手机号 " + phone.Value;
            var lure = Lure().Match(TextNormalizer.Normalize(text));
            return lure.Success ? "引流 " + lure.Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
