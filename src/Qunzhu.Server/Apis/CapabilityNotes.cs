using Qunzhu.Core.Platforms;
using Qunzhu.Core.Text;

namespace Qunzhu.Server.Apis;

/// <summary>The features a group's platform does not allow, each with the reason in the workspace's language,
/// so a client shows "not available" instead of settings that would silently do nothing.</summary>
public static class CapabilityNotes
{
    public const string CheckIn = "checkIn";
    public const string AutoReply = "autoReply";
    public const string Moderation = "moderation";

    public static IReadOnlyList<UnavailableFeature> For(PlatformKind platform, PlatformCapabilities capabilities, string locale)
    {
        if (capabilities.ReadsMessages) return [];
        var values = new Dictionary<string, string> { ["platform"] = PlatformName(platform, locale) };
        var hint = BotText.Find($"Unavailable_{platform}_Hint", locale);
        string Reason(string key)
        {
            var text = BotText.Format(key, locale, values);
            return hint is null ? text : $"{text} {hint}";
        }
        return
        [
            new(CheckIn, Reason("Unavailable_CheckIn")),
            new(AutoReply, Reason("Unavailable_AutoReply")),
            new(Moderation, Reason("Unavailable_Moderation")),
        ];
    }

    private static string PlatformName(PlatformKind platform, string locale) => platform switch
    {
        PlatformKind.WeCom => locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "WeCom" : "企业微信",
        _ => platform.ToString(),
    };
}
