using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Content;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Content;

/// Checks a content request against its kind; every problem is named by its field.
public static class ContentValidator
{
    public static async Task<(ContentItem? Item, Dictionary<string, string[]> Errors)> ValidateAsync(ContentRequest r, Guid workspaceId, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ContentKinds.TryParse(r.Kind, out var kind))
        {
            errors["kind"] = [$"Unknown kind '{r.Kind}'. Use one of: {string.Join(", ", ContentKinds.Names)}."];
            return (null, errors);
        }
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title) && kind == ContentKind.Text && !string.IsNullOrWhiteSpace(r.Text)) title = Shorten(r.Text.Trim(), 30);
        if (string.IsNullOrEmpty(title) || title.Length > 200) errors["title"] = ["Give a title of 1–200 characters (members see it on links and cards)."];
        if (r.Text is { Length: > 4096 }) errors["text"] = [$"A text has at most 4096 characters; this one has {r.Text.Length}."];
        if (kind == ContentKind.Text && string.IsNullOrWhiteSpace(r.Text)) errors["text"] = ["A text item needs text."];
        if (r.Description is { Length: > 1000 }) errors["description"] = ["A description has at most 1000 characters."];

        if (kind is ContentKind.Image or ContentKind.Voice or ContentKind.Video or ContentKind.File)
        {
            if (r.MediaId is not { } mediaId) errors["mediaId"] = [$"A {kind.ToString().ToLowerInvariant()} item needs a file: upload it to /api/v1/media and give its id."];
            else if (await MediaTypeAsync(db, workspaceId, mediaId, ct) is not { } type) errors["mediaId"] = [$"No media file with id '{mediaId}' exists in your workspace."];
            else if (kind != ContentKind.File && MediaApi.KindOf(type) != kind) errors["mediaId"] = [$"The file is {type}, not a {kind.ToString().ToLowerInvariant()}."];
        }
        if (kind is ContentKind.Link)
        {
            if (!Uri.TryCreate(r.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || r.Url!.Length > 2048)
                errors["url"] = ["A link needs an absolute http or https address (at most 2048 characters)."];
        }
        if (kind is ContentKind.Card)
        {
            if (string.IsNullOrWhiteSpace(r.Card?.AppId) || r.Card.AppId.Length > 64) errors["card.appId"] = ["A mini-program card needs the mini-program's appid."];
            if (string.IsNullOrWhiteSpace(r.Card?.PagePath) || r.Card.PagePath.Length > 512) errors["card.pagePath"] = ["A mini-program card needs the page path to open, e.g. pages/index?from=group."];
            if (r.CoverMediaId is null) errors["coverMediaId"] = ["A mini-program card needs a cover image."];
        }
        if (r.CoverMediaId is { } coverId)
        {
            var type = await MediaTypeAsync(db, workspaceId, coverId, ct);
            if (type is null) errors["coverMediaId"] = [$"No media file with id '{coverId}' exists in your workspace."];
            else if (MediaApi.KindOf(type) != ContentKind.Image) errors["coverMediaId"] = [$"A cover must be an image; this file is {type}."];
        }
        if (errors.Count > 0) return (null, errors);
        return (new ContentItem
        {
            WorkspaceId = workspaceId,
            Kind = kind,
            Title = title!,
            Text = string.IsNullOrWhiteSpace(r.Text) ? null : r.Text,
            Description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim(),
            Url = kind == ContentKind.Link ? r.Url : null,
            MediaId = kind is ContentKind.Image or ContentKind.Voice or ContentKind.Video or ContentKind.File ? r.MediaId : null,
            CoverMediaId = kind is ContentKind.Link or ContentKind.Card ? r.CoverMediaId : null,
            CardAppId = kind == ContentKind.Card ? r.Card!.AppId!.Trim() : null,
            CardPagePath = kind == ContentKind.Card ? r.Card!.PagePath!.Trim() : null,
        }, errors);
    }

    private static Task<string?> MediaTypeAsync(AppDbContext db, Guid workspaceId, Guid id, CancellationToken ct) =>
        db.MediaFiles.Where(m => m.Id == id && m.WorkspaceId == workspaceId).Select(m => m.ContentType).FirstOrDefaultAsync(ct);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
