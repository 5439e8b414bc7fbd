using System.Globalization;
using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Templates;
using Qunzhu.Core.Text;
using Qunzhu.Engine.Modules;

namespace Qunzhu.Server.Admin.Pages;

/// <summary>What the bot will say with these settings, built by the same code the engine runs (WelcomeText,
/// BotText, MessageFormatter, CheckInCalculator), in the workspace's bot language.</summary>
public static class BotPreview
{
    public static string? Welcome(TemplateSettings settings, string member, string group, string locale) =>
        settings.Welcome.Enabled ? WelcomeText.Build(settings.Welcome, [member], group, locale) : null;

    /// A member's first check-in of the day: rank 1, streak 1.
    public static string? FirstCheckIn(TemplateSettings settings, string member, string group, string locale)
    {
        if (!settings.CheckIn.Enabled) return null;
        var points = CheckInCalculator.Points(settings.CheckIn, 1);
        var values = new Dictionary<string, string>
        {
            ["member"] = member,
            ["group"] = group,
            ["rank"] = "1",
            ["streak"] = "1",
            ["total"] = "1",
            ["points"] = points.ToString(CultureInfo.InvariantCulture),
            ["balance"] = points.ToString(CultureInfo.InvariantCulture),
        };
        return settings.CheckIn.SuccessText is { } custom ? MessageFormatter.Format(custom, values) : BotText.Format("CheckIn_Success", locale, values);
    }
}
