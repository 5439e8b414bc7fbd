using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Content;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Content;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// The content library: texts, media with captions, links and mini-program cards; preview per platform.
public static class ContentApi
{
    public static RouteGroupBuilder MapContentApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/content").WithTags("Content");
        group.MapGet("/", List).WithName("ListContent").WithSummary("Library items, newest first (filter by kind, search in title and text)");
        group.MapPost("/", Create).WithName("CreateContent").WithSummary("Add a text, image, voice, video, file, link or card item");
        group.MapPost("/upload", Upload).WithName("UploadContent").DisableAntiforgery()
            .WithSummary("Upload a file and make it a library item in one step (multipart: file, kind?, title?, text?)");
        group.MapGet("/{id:guid}", Get).WithName("GetContent").WithSummary("One library item");
        group.MapPut("/{id:guid}", Update).WithName("UpdateContent").WithSummary("Replace an item (scheduled broadcasts send the new version)");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteContent").WithSummary("Delete an item no active broadcast uses");
        group.MapGet("/{id:guid}/preview", ContentPreviews.Preview).WithName("PreviewContent")
            .WithSummary("The text as a group on a platform would get it, and what that platform cannot send");
        return api;
    }

    public static async Task<Ok<PagedList<ContentResponse>>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        string? kind = null, string? search = null, int page = 1, int pageSize = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var query = db.ContentItems.AsNoTracking().Where(c => c.WorkspaceId == workspaceId);
        if (ContentKinds.TryParse(kind, out var k)) query = query.Where(c => c.Kind == k);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(c => c.Title.Contains(search.Trim()) || (c.Text != null && c.Text.Contains(search.Trim())));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ContentResponse>(await ToResponsesAsync(db, items, ct), total, page, pageSize));
    }

    public static async Task<Results<Created<ContentResponse>, ValidationProblem>> Create(ContentRequest request, ClaimsPrincipal user, AppDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var (item, errors) = await ContentValidator.ValidateAsync(request, user.WorkspaceIdOf(), db, ct);
        if (item is null) return TypedResults.ValidationProblem(errors);
        item.CreatedAt = item.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.ContentItems.Add(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/content/{item.Id}", (await ToResponsesAsync(db, [item], ct))[0]);
    }

    public static async Task<Results<Created<ContentResponse>, ValidationProblem>> Upload(IFormFile? file, [Microsoft.AspNetCore.Mvc.FromForm] string? kind,
        [Microsoft.AspNetCore.Mvc.FromForm] string? title, [Microsoft.AspNetCore.Mvc.FromForm] string? text, ClaimsPrincipal user, AppDbContext db,
        MediaUploads uploads, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var (media, error) = await uploads.StoreAsync(workspaceId, file, kind, db, ct);
        if (error is not null) return error;
        var itemKind = ContentKinds.TryParse(kind, out var k) ? k : media!.Kind;
        var request = new ContentRequest(itemKind.ToString(), string.IsNullOrWhiteSpace(title) ? media!.FileName : title, text, null, null, media!.Id, null, null);
        return await Create(request, user, db, time, ct);
    }

    public static async Task<Results<Ok<ContentResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, ct);
        if (item is null) return Problems.NotFound("Content item", id);
        return TypedResults.Ok((await ToResponsesAsync(db, [item], ct))[0]);
    }

    public static async Task<Results<Ok<ContentResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, ContentRequest request, ClaimsPrincipal user,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var item = await db.ContentItems.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, ct);
        if (item is null) return Problems.NotFound("Content item", id);
        var (valid, errors) = await ContentValidator.ValidateAsync(request, workspaceId, db, ct);
        if (valid is null) return TypedResults.ValidationProblem(errors);
        (item.Kind, item.Title, item.Text, item.Description, item.Url) = (valid.Kind, valid.Title, valid.Text, valid.Description, valid.Url);
        (item.MediaId, item.CoverMediaId, item.CardAppId, item.CardPagePath) = (valid.MediaId, valid.CoverMediaId, valid.CardAppId, valid.CardPagePath);
        item.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ToResponsesAsync(db, [item], ct))[0]);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var item = await db.ContentItems.FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, ct);
        if (item is null) return Problems.NotFound("Content item", id);
        var users = await db.Broadcasts.Where(b => b.WorkspaceId == workspaceId && b.ContentId == id && b.State != BroadcastState.Cancelled
                && (b.NextRunAt != null || b.State == BroadcastState.Draft || db.BroadcastRuns.Any(r => r.BroadcastId == b.Id && (r.State == BroadcastRunState.Planning || r.State == BroadcastRunState.Feeding))))
            .Select(b => b.Name).ToListAsync(ct);
        if (users.Count > 0)
            return Problems.Conflict("Content in use", $"Scheduled broadcasts use this item: {string.Join("、", users)}. Cancel them or give them other content first.");
        db.ContentItems.Remove(item);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<List<ContentResponse>> ToResponsesAsync(AppDbContext db, IReadOnlyList<ContentItem> items, CancellationToken ct)
    {
        var ids = items.SelectMany(i => new[] { i.MediaId, i.CoverMediaId }).OfType<Guid>().Distinct().ToList();
        var media = await db.MediaFiles.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        MediaResponse? Of(Guid? id) => id is { } v && media.TryGetValue(v, out var m) ? MediaApi.ToResponse(m) : null;
        return [.. items.Select(i => new ContentResponse(i.Id, i.Kind, i.Title, i.Text, i.Description, i.Url, Of(i.MediaId), Of(i.CoverMediaId),
            i.Kind == ContentKind.Card ? new CardRequest(i.CardAppId, i.CardPagePath) : null, i.CreatedAt, i.UpdatedAt))];
    }
}
