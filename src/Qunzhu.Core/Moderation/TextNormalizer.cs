namespace Qunzhu.Core.Moderation;

/// <summary>Folds text for matching: full-width ASCII to half-width, lower case, and drops the spaces,
/// punctuation and zero-width characters spammers put between letters ("加 微 信", "v.x").</summary>
public static class TextNormalizer
{
    /// <summary>The folded form of one character, or '\0' when it is dropped.</summary>
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        else if (c == '\u3000') return '\0';
        if (c is >= 'A' and <= 'Z') return (char)(c + 32);
        if (c < 128) return char.IsLetterOrDigit(c) ? c : '\0';
        if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00A0') return '\0';
        if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)) return '\0';
        return char.ToLowerInvariant(c);
    }

    public static string Normalize(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        var n = 0;
        foreach (var c in source)
        {
            var f = Fold(c);
            if (f != '\0') span[n++] = f;
        }
        span[n..].Clear();
    }).TrimEnd('\0');
}
