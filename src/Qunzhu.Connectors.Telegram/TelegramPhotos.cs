using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Content;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Content;
using Qunzhu.Storage;
using Telegram.Bot.Types;

namespace Qunzhu.Connectors.Telegram;

/// <summary>The photo of an image attachment as Telegram.Bot sends it: a library upload streamed from the media
/// store (multipart, as Telegram requires for a new file), or a URL Telegram fetches itself. Telegram's limits
/// for sendPhoto (10 MB, caption ≤ 1024 characters) are checked here so a refusal says what to change.</summary>
public sealed class TelegramPhotos(IAppDbContextFactory dbs, IMediaStore media)
{
    public const int MaxCaptionLength = 1024;
    public const long MaxPhotoBytes = 10 * 1024 * 1024;

    /// <returns>The photo, or the reason it cannot be sent (a permanent failure).</returns>
    public async Task<(InputFile? Photo, string? Problem)> OpenAsync(OutboundAction action, OutboundAttachment image, CancellationToken ct)
    {
        if ((action.Text?.Length ?? 0) > MaxCaptionLength)
            return (null, $"A Telegram photo caption has at most {MaxCaptionLength} characters; this one has {action.Text!.Length}. Shorten the text.");
        if (image.MediaId is { } mediaId)
        {
            await using var db = dbs.Create();
            var file = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId && m.WorkspaceId == action.WorkspaceId, ct);
            if (file is null) return (null, $"The image (media {mediaId}) is no longer in the content library.");
            if (!file.ContentType.StartsWith("image/", StringComparison.Ordinal))
                return (null, $"'{file.FileName}' is {file.ContentType}, not an image Telegram can send as a photo.");
            if (file.Size > MaxPhotoBytes) return (null, $"'{file.FileName}' has {file.Size / 1024 / 1024} MB; Telegram takes photos up to 10 MB.");
            var stream = media.OpenRead(action.WorkspaceId, file.Sha256);
            return stream is null ? (null, $"The file of '{file.FileName}' is missing from the media store.") : (InputFile.FromStream(stream, file.FileName), null);
        }
        if (Uri.TryCreate(image.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https") return (InputFile.FromUri(url), null);
        return (null, "The image has neither a stored file nor an http(s) URL.");
    }

    public static bool IsPhoto(OutboundAction action) => action.Kind == BotActionKind.SendMessage && action.Attachment is { Kind: ContentKind.Image };
}
