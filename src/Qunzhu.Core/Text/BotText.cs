using System.Globalization;
using System.Resources;

namespace Qunzhu.Core.Text;

/// Built-in user-facing text, zh-CN (neutral resources) first, en-US second.
public static class BotText
{
    private static readonly ResourceManager Resources = new("Qunzhu.Core.Text.BotText", typeof(BotText).Assembly);

    public static CultureInfo Culture(string? locale) =>
        string.Equals(locale, "en-US", StringComparison.OrdinalIgnoreCase) || string.Equals(locale, "en", StringComparison.OrdinalIgnoreCase)
            ? CultureInfo.GetCultureInfo("en-US")
            : CultureInfo.GetCultureInfo("zh-CN");

    /// The text for a key in a locale; the current UI culture when none is given.
    public static string Get(string key, string? locale = null)
    {
        var culture = locale is null ? CultureInfo.CurrentUICulture : Culture(locale);
        return Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"Missing resource '{key}'.");
    }

    /// The text for a key, or null when there is none (optional, e.g. per-platform hints).
    public static string? Find(string key, string? locale = null) =>
        Resources.GetString(key, locale is null ? CultureInfo.CurrentUICulture : Culture(locale));

    public static string Format(string key, string? locale, IReadOnlyDictionary<string, string> values) =>
        MessageFormatter.Format(Get(key, locale), values);
}
