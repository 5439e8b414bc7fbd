using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Content;
using Qunzhu.Engine.Content;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Content;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Files of the content library: upload (multipart, deduplicated by SHA-256) and download.
public static class MediaApi
{
    public static RouteGroupBuilder MapMediaApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/media").WithTags("Content");
        group.MapPost("/", Upload).WithName("UploadMedia").DisableAntiforgery()
            .WithSummary("Upload a file (multipart field 'file'; optional 'kind' to check it is an image, voice, video or file)");
        group.MapGet("/{id:guid}", Download).WithName("DownloadMedia").WithSummary("The stored file");
        return api;
    }

    public static async Task<Results<Created<MediaResponse>, Ok<MediaResponse>, ValidationProblem>> Upload(IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? kind,
        ClaimsPrincipal user, AppDbContext db, MediaUploads uploads, CancellationToken ct)
    {
        var (media, error) = await uploads.StoreAsync(user.WorkspaceIdOf(), file, kind, db, ct);
        if (error is not null) return error;
        return media!.Duplicate ? TypedResults.Ok(media) : TypedResults.Created(media.Url, media);
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid id, ClaimsPrincipal user, AppDbContext db, IMediaStore store, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var media = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.WorkspaceId == workspaceId, ct);
        var stream = media is null ? null : store.OpenRead(workspaceId, media.Sha256);
        if (media is null || stream is null) return Problems.NotFound("Media file", id);
        return TypedResults.Stream(stream, media.ContentType, media.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{media.Sha256}\""));
    }

    public static MediaResponse ToResponse(MediaFile m, bool duplicate = false) =>
        new(m.Id, m.Sha256, m.ContentType, KindOf(m.ContentType), m.Size, m.FileName, $"/api/v1/media/{m.Id}", duplicate);

    public static ContentKind KindOf(string contentType) =>
        contentType.StartsWith("image/", StringComparison.Ordinal) ? ContentKind.Image
        : contentType.StartsWith("audio/", StringComparison.Ordinal) ? ContentKind.Voice
        : contentType.StartsWith("video/", StringComparison.Ordinal) ? ContentKind.Video
        : ContentKind.File;
}
