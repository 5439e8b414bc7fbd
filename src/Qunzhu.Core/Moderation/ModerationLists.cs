namespace Qunzhu.Core.Moderation;

/// The workspace-wide lists a scan needs, built once per change and shared by every message.
public sealed record ModerationLists(SensitiveWordMatcher Words, IReadOnlyCollection<string> AllowedDomains)
{
    public static ModerationLists Empty { get; } = new(SensitiveWordMatcher.Empty, []);
}
