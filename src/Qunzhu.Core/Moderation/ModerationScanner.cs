using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Moderation;

/// <summary>The stateless checks of one message, in a fixed order: sensitive words, then ads,
/// then links, each only when switched on. Flooding needs history and is the engine's call to
/// <see cref="FloodTracker"/>, not part of a scan.</summary>
public static class ModerationScanner
{
    /// <summary>The first finding, or null when the message is clean or moderation is off.</summary>
    public static ModerationFinding? Scan(string text, ModerationSettings settings, ModerationLists lists)
    {
        if (!settings.Enabled || string.IsNullOrEmpty(text)) return null;
        if (settings.BlockSensitiveWords && lists.Words.FindFirst(text) is { } word)
            return new ModerationFinding(ViolationKind.SensitiveWord, word);
        if (settings.BlockAds && AdDetector.Find(text) is { } ad)
            return new ModerationFinding(ViolationKind.Advertising, ad);
        if (settings.BlockLinks && LinkDetector.FindDisallowedLink(text, lists.AllowedDomains) is { } host)
            return new ModerationFinding(ViolationKind.ExternalLink, host);
        return null;
    }
}
