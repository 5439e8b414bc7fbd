using Qunzhu.Core.Content;

namespace Qunzhu.Core.Pipeline;

/// <summary>Content sent with a message beyond its text: a media file (read it from the media store by
/// <see cref="MediaId"/>), a link or a mini-program card. Connectors that cannot send it natively send the text.</summary>
public sealed record OutboundAttachment(
    ContentKind Kind,
    Guid? ContentId = null,
    Guid? MediaId = null,
    string? Url = null,
    string? Title = null,
    string? Description = null,
    Guid? CoverMediaId = null,
    string? CardAppId = null,
    string? CardPagePath = null);
