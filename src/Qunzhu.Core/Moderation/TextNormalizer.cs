using System.Globalization;
using System.Text;

namespace Qunzhu.Core.Moderation;

/// <summary>Text folded for matching only, never for display. Spammers defeat naive matching
/// with full-width letters, capitals, look-alike compatibility characters (ⓥ, the Kangxi radical
/// ⾦ for 金) and separators between characters (加 微 信, 加*微*信, v.x, zero-width joiners);
/// after folding all of those read the same as the plain word.</summary>
public static class TextNormalizer
{
    /// The folded form of every UTF-16 unit, '\0' for one that is dropped. One table lookup per
    /// char lets the matcher fold while it walks, without allocating. Both tables together are
    /// 256 KB and take a few tens of milliseconds to build, once per process.
    private static readonly char[] Table;
    private static readonly char[] WidthTable;

    // One loop fills both tables, hence a static constructor rather than two initializers.
    static TextNormalizer()
    {
        Table = new char[char.MaxValue + 1];
        WidthTable = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = char.ToLowerInvariant(Compatible((char)i));
            WidthTable[i] = c;
            Table[i] = IsSeparator(c) ? '\0' : c;
        }
    }

    /// <summary>Compatibility forms → their plain character (full-width → half-width, ⓥ → v,
    /// ⾦ → 金), lower-case invariant, and every separator dropped:
    /// whitespace, punctuation (ASCII and CJK), symbols, control and zero-width format characters,
    /// combining marks, and astral-plane characters such as emoji, which spammers put between
    /// letters. CJK ideographs, letters and digits are kept as they are.</summary>
    public static string Normalize(string text)
    {
        var kept = 0;
        var changed = false;
        foreach (var c in text)
        {
            var m = Table[c];
            if (m != '\0') kept++;
            changed |= m != c;
        }
        if (!changed) return text;
        return string.Create(kept, text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                var m = Table[c];
                if (m != '\0') span[i++] = m;
            }
        });
    }

    /// The folded char, or '\0' when the char is a separator and is dropped.
    internal static char Fold(char c) => Table[c];

    /// <summary>Compatibility forms and case folded as by <see cref="Normalize"/>, but nothing
    /// dropped: one char for one char, so positions still line up with the original. For
    /// detectors that need punctuation (dots in domains, colons after "vx").</summary>
    public static string FoldWidthAndCase(string text)
    {
        foreach (var c in text)
        {
            if (WidthTable[c] != c) return string.Create(text.Length, text, Fill);
        }
        return text;

        static void Fill(Span<char> span, string source)
        {
            for (var i = 0; i < source.Length; i++) span[i] = WidthTable[source[i]];
        }
    }

    /// NFKC where it maps one char to one char (full-width, circled letters, Kangxi radicals,
    /// CJK compatibility ideographs, ideographic space). Longer expansions (ﬁ, ㍿) are left alone
    /// so that folding never changes the length. U+FFFE and U+FFFF cannot be normalized.
    private static char Compatible(char c)
    {
        if (char.IsSurrogate(c) || c >= '\uFFFE') return c;
        var folded = c.ToString().Normalize(NormalizationForm.FormKC);
        return folded.Length == 1 ? folded[0] : c;
    }

    private static bool IsSeparator(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.Control or UnicodeCategory.Format => true, // U+200B–U+200D and U+FEFF are Format
        UnicodeCategory.Surrogate => true, // emoji; the rare CJK extension ideographs fold away from words too
        UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
        UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };
}
