using System.Text.RegularExpressions;

namespace Qunzhu.Core.Moderation;

/// <summary>Spots the ways spammers pull members out of a group: mainland mobile numbers, WeChat
/// and QQ lures (加V, vx: abc123, 扣扣12345), "私聊有惊喜". Matching runs on width- and
/// case-folded text, and up to a few separators (spaces, punctuation, symbols, emoji,
/// zero-width chars) may stand between the characters of a lure: 加 V 信, 加*微*信.
/// Precision matters more than recall here, because a false hit mutes an ordinary member:
/// "参加微信群的讨论", "老师的威信", "电视tv信号" and long order numbers stay clean.</summary>
public static partial class AdDetector
{
    private const int MaxDetailLength = 24;

    // Strings below are detection labels stored with the violation for the operator, in the
    // same way as the matched word or domain is: data, not bot text, so not in BotText.
    private const string WeChatLabel = "微信引流";
    private const string QqLabel = "QQ引流";
    private const string PrivateChatLabel = "私聊引流";
    private const string PhoneLabel = "手机号";

    /// Up to four separators between the characters of a lure (an emoji is two UTF-16 units).
    private const string S = @"[\s\p{P}\p{S}\p{Cf}\p{Cs}]{0,4}";
    /// "加" as a lure, not inside 参加 / 增加 / 更加 and other ordinary words; 加我 and 加个 too.
    private const string Add = "(?<![参增更附外叠追施])加" + S + "(?:[我个]" + S + ")?";
    private const string WeChatId = @"[a-z0-9][a-z0-9_-]{4,19}";

    /// <summary>A short description of the first advertising lure found (e.g. "微信引流：加 V 信",
    /// "手机号：138 1234 5678"), or null.</summary>
    public static string? Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = TextNormalizer.FoldWidthAndCase(text);
        return Describe(WeChatLure().Match(folded), WeChatLabel)
            ?? Describe(QqLure().Match(folded), QqLabel)
            ?? Describe(PrivateChatLure().Match(folded), PrivateChatLabel)
            ?? Describe(MobileNumber().Match(folded), PhoneLabel);
    }

    private static string? Describe(Match match, string label)
    {
        if (!match.Success) return null;
        var found = match.Value.Trim();
        if (found.Length > MaxDetailLength) found = found[..MaxDetailLength];
        return $"{label}：{found}";
    }

    // 加V / 加vx / 加wx (not 加vip); 加微(信) / 加薇 / 加威 when a 信, 号, id or the end follows
    // (not 参加微博); V信 / 薇信 anywhere (not tv信号); 微信号 / 威信 / vx / wx followed by an id;
    // 加我好友 (not 参加我好友的婚礼).
    [GeneratedRegex(
        Add + "(?:vx|wx|v)(?![a-z])"
        + "|" + Add + "[微薇威卫]" + S + "(?:信|x|号|[a-z0-9]|$)"
        + "|(?<![a-z])v" + S + "信|薇" + S + "信"
        + "|[微威]" + S + "信" + S + "号" + S + "(?:是|[:：]|[a-z0-9])"
        + "|[微威]" + S + "信" + @"\s*[:：]\s*" + WeChatId
        + @"|(?<![a-z])(?:vx|wx|weixin|wechat)[:：\s]+" + WeChatId
        + "|" + Add + "好" + S + "友",
        RegexOptions.CultureInvariant)]
    private static partial Regex WeChatLure();

    // 加Q / 加QQ (not 加qps); 加群, QQ群, QQ, Q: or 扣扣 with a number.
    [GeneratedRegex(
        Add + "(?:qq|q)(?![a-z])"
        + "|" + Add + "群" + S + "号?" + S + "[0-9]{5,11}(?![0-9])"
        + @"|(?<![a-z])q\s*[:：]\s*[0-9]{5,11}(?![0-9])"
        + "|(?<![a-z])(?:q" + S + "q|扣" + S + "扣)" + S + "群?" + S + "号?" + S + "[0-9]{5,11}(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex QqLure();

    [GeneratedRegex("私" + S + "(?:聊|信|我)" + S + "有" + S + "(?:惊" + S + "喜|福" + S + "利)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateChatLure();

    // 1[3-9] and nine more digits, written together, as 3-4-4 groups (138 1234 5678,
    // 138-1234-5678) or digit by digit; never part of a longer number (order ids, timestamps).
    [GeneratedRegex(
        @"(?<![0-9])(?:\+?86[ -]?)?(?:1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}|1[ -][3-9](?:[ -][0-9]){9})(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumber();
}
