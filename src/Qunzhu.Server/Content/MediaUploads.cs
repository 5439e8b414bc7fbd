using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Content;
using Qunzhu.Engine.Content;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Content;

/// <summary>Checks an upload (the kind its bytes really are, the size limit of that kind), stores it once per
/// content hash and records it.</summary>
public sealed class MediaUploads(IMediaStore store, IOptions<MediaOptions> options, TimeProvider time)
{
    public async Task<(MediaResponse? Media, ValidationProblem? Error)> StoreAsync(Guid workspaceId, IFormFile? file, string? kind, AppDbContext db, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, Problems.Invalid("file", "Send the file as multipart/form-data in a field named 'file'."));
        ContentKind? wanted = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!ContentKinds.TryParse(kind, out var k) || k is ContentKind.Text or ContentKind.Link or ContentKind.Card)
                return (null, Problems.Invalid("kind", $"Unknown file kind '{kind}'. Use image, voice, video or file."));
            wanted = k;
        }
        var head = new byte[MediaSniffer.HeaderLength];
        int read;
        await using (var peek = file.OpenReadStream()) read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var sniffed = MediaSniffer.Sniff(head.AsSpan(0, read));
        var actual = sniffed?.Kind ?? ContentKind.File;
        if (actual == ContentKind.File && sniffed is null && wanted is ContentKind.Image or ContentKind.Voice or ContentKind.Video)
            return (null, Problems.Invalid("file", wanted switch
            {
                ContentKind.Image => "This file is not a JPEG, PNG, GIF or WebP image.",
                ContentKind.Voice => "This file is not an AMR, MP3, M4A, Ogg or WAV recording.",
                _ => "This file is not an MP4 video.",
            }));
        if (wanted is { } w && w != ContentKind.File && w != actual)
            return (null, Problems.Invalid("file", $"You said {w.ToString().ToLowerInvariant()}, but the file is {sniffed?.ContentType ?? "not a media file"}."));
        var kindOfFile = wanted ?? actual;
        var limit = options.Value.LimitFor(kindOfFile);
        if (file.Length > limit)
            return (null, Problems.Invalid("file", $"A {kindOfFile.ToString().ToLowerInvariant()} may have at most {limit / (1 << 20)} MiB; this one has {file.Length / (double)(1 << 20):0.#} MiB."));

        StoredMedia stored;
        await using (var content = file.OpenReadStream()) stored = await store.SaveAsync(workspaceId, content, limit, ct);
        if (stored.TooLarge) return (null, Problems.Invalid("file", $"The file is larger than {limit / (1 << 20)} MiB."));

        var existing = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.WorkspaceId == workspaceId && m.Sha256 == stored.Sha256, ct);
        if (existing is not null) return (MediaApi.ToResponse(existing, duplicate: true), null);
        var contentType = kindOfFile == ContentKind.File
            ? sniffed?.ContentType ?? (string.IsNullOrWhiteSpace(file.ContentType) || MediaApi.KindOf(file.ContentType) != ContentKind.File ? "application/octet-stream" : file.ContentType)
            : sniffed!.Value.ContentType;
        var media = new MediaFile
        {
            WorkspaceId = workspaceId,
            Sha256 = stored.Sha256,
            ContentType = contentType,
            Size = stored.Size,
            FileName = SafeName(file.FileName),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.MediaFiles.Add(media);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same bytes were uploaded at the same moment: the other upload's row is the file.
            db.ChangeTracker.Clear();
            var winner = await db.MediaFiles.AsNoTracking().FirstAsync(m => m.WorkspaceId == workspaceId && m.Sha256 == stored.Sha256, ct);
            return (MediaApi.ToResponse(winner, duplicate: true), null);
        }
        return (MediaApi.ToResponse(media), null);
    }

    private static string SafeName(string? name)
    {
        var file = Path.GetFileName(name ?? "");
        file = new string([.. file.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/'))]);
        return string.IsNullOrWhiteSpace(file) ? "file" : file.Length > 255 ? file[^255..] : file;
    }
}
