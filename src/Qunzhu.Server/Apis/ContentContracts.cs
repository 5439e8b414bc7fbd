using Qunzhu.Core.Content;

namespace Qunzhu.Server.Apis;

/// <param name="Kind">text, image, voice, video, file, link or card.</param>
/// <param name="Text">The message, or a media item's caption; may use {member}, {group}, {date}, {weekday} and a group's own variables.</param>
/// <param name="MediaId">An uploaded file (POST /api/v1/media) for image, voice, video and file items.</param>
/// <param name="CoverMediaId">An uploaded image: a link's or card's cover.</param>
public sealed record ContentRequest(string? Kind, string? Title, string? Text, string? Description, string? Url, Guid? MediaId,
    Guid? CoverMediaId, CardRequest? Card);

/// A mini-program card's target (WeCom 小程序).
public sealed record CardRequest(string? AppId, string? PagePath);

public sealed record ContentResponse(Guid Id, ContentKind Kind, string Title, string? Text, string? Description, string? Url,
    MediaResponse? Media, MediaResponse? Cover, CardRequest? Card, DateTime CreatedAt, DateTime UpdatedAt);

/// <param name="Duplicate">True when these exact bytes were uploaded before: the existing file is returned.</param>
public sealed record MediaResponse(Guid Id, string Sha256, string ContentType, ContentKind Kind, long Size, string FileName, string Url, bool Duplicate = false);

/// <param name="CanSend">False when the platform cannot send this item as it is (see Problems).</param>
/// <param name="UnknownVariables">Placeholders no value fills: they would be sent as written.</param>
public sealed record ContentPreview(string Platform, ContentKind Kind, string Text, bool CanSend, IReadOnlyList<string> Problems,
    IReadOnlyList<string> UnknownVariables, Guid? CommunityId);
