using Qunzhu.Core.Text;

namespace Qunzhu.Core.Content;

/// <summary>Turns a content item into the text a group sees, with its variables filled. Media and cards
/// keep their caption; the kind and file travel beside it for connectors that send them natively.</summary>
public static class ContentRenderer
{
    /// <summary>The values for a group post: {group}, {date}, {member} (a group post addresses everyone),
    /// then the group's own values, which may not replace the built-in ones.</summary>
    public static Dictionary<string, string> Values(string group, DateOnly date, string locale, IReadOnlyDictionary<string, string>? custom)
    {
        var culture = BotText.Culture(locale);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in custom ?? new Dictionary<string, string>()) values[k] = v;
        values["group"] = group;
        values["date"] = date.ToString(culture.Name == "en-US" ? "MMMM d, yyyy" : "yyyy'年'M'月'd'日'", culture);
        values["weekday"] = culture.DateTimeFormat.GetDayName(date.DayOfWeek);
        values["member"] = BotText.Get("Content_Everyone", locale);
        return values;
    }

    /// <summary>The text of the message: the item's text (or caption); a link adds its title, description and address.</summary>
    public static string Text(ContentItem item, IReadOnlyDictionary<string, string> values)
    {
        var text = MessageFormatter.Format(item.Text ?? "", values).Trim();
        if (item.Kind is not (ContentKind.Link or ContentKind.Card)) return text;
        var parts = new List<string>();
        if (text.Length > 0) parts.Add(text);
        parts.Add(MessageFormatter.Format(item.Title, values));
        if (!string.IsNullOrWhiteSpace(item.Description)) parts.Add(MessageFormatter.Format(item.Description, values));
        if (!string.IsNullOrWhiteSpace(item.Url)) parts.Add(item.Url);
        return string.Join("\n", parts);
    }

    /// <summary>Placeholders in the text that no value fills: shown in previews so a typo is seen before sending.</summary>
    public static IReadOnlyList<string> UnknownVariables(string? template, IReadOnlyDictionary<string, string> values)
    {
        if (string.IsNullOrEmpty(template)) return [];
        var unknown = new List<string>();
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i + 1);
            if (close < 0) break;
            var name = template[(i + 1)..close];
            if (name.Length > 0 && !name.Contains('{', StringComparison.Ordinal) && !values.ContainsKey(name) && !unknown.Contains(name)) unknown.Add(name);
            i = close + 1;
        }
        return unknown;
    }

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
