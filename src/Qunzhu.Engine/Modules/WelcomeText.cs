using System.Text;
using Qunzhu.Core.Templates;
using Qunzhu.Core.Text;

namespace Qunzhu.Engine.Modules;

/// The greeting: welcome line naming everyone, the core rules numbered, then the self-introduction prompt.
public static class WelcomeText
{
    public static string Build(WelcomeSettings settings, IReadOnlyList<string> names, string group, string locale)
    {
        var separator = locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? ", " : "、";
        var values = new Dictionary<string, string>
        {
            ["member"] = string.Join(separator, names.Select(n => "@" + n)),
            ["group"] = group,
        };
        var sb = new StringBuilder(settings.Text is null
            ? BotText.Format("Welcome_Default", locale, values)
            : MessageFormatter.Format(settings.Text, values));
        var rules = settings.CoreRules.Where(r => !string.IsNullOrWhiteSpace(r)).Take(3).ToList();
        if (rules.Count > 0)
        {
            sb.Append('\n').Append(BotText.Get("Welcome_RulesHeader", locale));
            for (var i = 0; i < rules.Count; i++) sb.Append('\n').Append(i + 1).Append(". ").Append(rules[i]);
        }
        if (!string.IsNullOrWhiteSpace(settings.SelfIntroPrompt))
            sb.Append('\n').Append(MessageFormatter.Format(settings.SelfIntroPrompt, values));
        return sb.ToString();
    }
}
