using System.Text;

namespace Qunzhu.Core.Text;

/// Fills {name} placeholders. Unknown placeholders stay as written, so a typo is visible, not silent.
public static class MessageFormatter
{
    public static string Format(string template, IReadOnlyDictionary<string, string> values)
    {
        if (!template.Contains('{', StringComparison.Ordinal)) return template;
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) break;
            var close = template.IndexOf('}', open + 1);
            if (close < 0) break;
            // A stray '{' earlier in the text is text: the placeholder starts at the last '{'.
            open = template.LastIndexOf('{', close);
            sb.Append(template, i, open - i);
            var name = template.AsSpan(open + 1, close - open - 1).ToString();
            if (values.TryGetValue(name, out var value)) sb.Append(value);
            else sb.Append(template, open, close - open + 1);
            i = close + 1;
        }
        sb.Append(template, i, template.Length - i);
        return sb.ToString();
    }
}
