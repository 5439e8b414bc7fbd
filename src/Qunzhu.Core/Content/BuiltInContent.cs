using System.Resources;
using Qunzhu.Core.Text;

namespace Qunzhu.Core.Content;

/// <summary>Ready-made library items an operator starts from (早报, 晚报, the 08:00 task announcement), each with the
/// recurring schedule it is meant for. Texts come from BuiltInText.resx (zh-CN) and BuiltInText.en-US.resx.</summary>
public static class BuiltInContent
{
    private static readonly ResourceManager Resources = new("Qunzhu.Core.Text.BuiltInText", typeof(BuiltInContent).Assembly);

    /// The keys with their default cron (workspace time zone).
    private static readonly (string Key, string Cron)[] Catalog =
    [
        ("morning-report", "30 7 * * *"),
        ("evening-report", "0 21 * * *"),
        ("daily-task", "0 8 * * *"),
    ];

    public static IReadOnlyList<string> Keys { get; } = [.. Catalog.Select(c => c.Key)];

    public static IReadOnlyList<BuiltInTemplate> All(string? locale) => [.. Catalog.Select(c => Build(c.Key, c.Cron, locale))];

    public static BuiltInTemplate? Find(string key, string? locale) =>
        Catalog.Where(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase)).Select(c => Build(c.Key, c.Cron, locale)).FirstOrDefault();

    private static BuiltInTemplate Build(string key, string cron, string? locale)
    {
        var culture = BotText.Culture(locale);
        var name = string.Concat(key.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        string Get(string part) => Resources.GetString($"{name}_{part}", culture) ?? throw new KeyNotFoundException($"Missing resource '{name}_{part}'.");
        return new BuiltInTemplate(key, cron, Get("Title"), Get("Text"), Get("Description"));
    }
}

/// <param name="Cron">The schedule it is meant for, in the workspace's time zone ("0 8 * * *": every day at 08:00).</param>
/// <param name="Text">Uses {group}, {date}, {weekday} and {member}; a group's own values fill any other placeholder.</param>
public sealed record BuiltInTemplate(string Key, string Cron, string Title, string Text, string Description);
