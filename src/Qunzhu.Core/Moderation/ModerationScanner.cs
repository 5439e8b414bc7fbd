using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Moderation;

/// <summary>The stateless detectors in order: sensitive words, ads, links. Flooding needs history and
/// is checked by the engine with <see cref="FloodTracker"/>.</summary>
public static class ModerationScanner
{
    public static ModerationFinding? Scan(string text, ModerationSettings settings, ModerationLists lists)
    {
        if (settings.BlockSensitiveWords && lists.Words.FindFirst(text) is { } word)
            return new ModerationFinding(ViolationKind.SensitiveWord, word);
        if (settings.BlockAds && AdDetector.Find(text) is { } ad)
            return new ModerationFinding(ViolationKind.Advertising, ad);
        if (settings.BlockLinks && LinkDetector.FindDisallowedLink(text, lists.AllowedDomains) is { } host)
            return new ModerationFinding(ViolationKind.ExternalLink, host);
        return null;
    }
}

/// <summary>A workspace's lists: the sensitive-word automaton and the domains links may point to.</summary>
public sealed record ModerationLists(SensitiveWordMatcher Words, IReadOnlyCollection<string> AllowedDomains);

/// <summary>What a detector found, and the evidence (the word, the host, the number).</summary>
public sealed record ModerationFinding(ViolationKind Kind, string Detail);
