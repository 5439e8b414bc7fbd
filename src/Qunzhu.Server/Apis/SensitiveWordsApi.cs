using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Moderation;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// The workspace's sensitive words: list, add in bulk (JSON or a text file, one word a line), delete.
public static class SensitiveWordsApi
{
    public const int MaxWordsPerRequest = 20_000;

    public static RouteGroupBuilder MapSensitiveWords(this RouteGroupBuilder group)
    {
        group.MapGet("/sensitive-words", List).WithName("ListSensitiveWords").WithSummary("Sensitive words, searchable");
        group.MapPost("/sensitive-words", Add).WithName("AddSensitiveWords").WithSummary("Add words in bulk; blanks and duplicates are skipped");
        group.MapPost("/sensitive-words/import", Import).WithName("ImportSensitiveWords")
            .WithSummary("Import a text file (text/plain), one word per line").Accepts<string>("text/plain");
        group.MapDelete("/sensitive-words/{id:guid}", Delete).WithName("DeleteSensitiveWord").WithSummary("Delete one word");
        group.MapDelete("/sensitive-words", Clear).WithName("ClearSensitiveWords").WithSummary("Delete every word");
        return group;
    }

    public static async Task<Ok<PagedList<SensitiveWordResponse>>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        string? search = null, int page = 1, int pageSize = 100)
    {
        var workspaceId = user.WorkspaceIdOf();
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 1000));
        var query = db.SensitiveWords.AsNoTracking().Where(w => w.WorkspaceId == workspaceId);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(w => w.Word.Contains(search.Trim()));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(w => w.Word).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(w => new SensitiveWordResponse(w.Id, w.Word, w.CreatedAt)).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<SensitiveWordResponse>(items, total, page, pageSize));
    }

    public static Task<Results<Ok<AddWordsResponse>, ValidationProblem>> Add(AddWordsRequest request, ClaimsPrincipal user, AppDbContext db,
        ModerationListsCache lists, TimeProvider time, CancellationToken ct) =>
        AddAsync(request.Words ?? [], user.WorkspaceIdOf(), db, lists, time, ct);

    public static async Task<Results<Ok<AddWordsResponse>, ValidationProblem>> Import(HttpRequest request, ClaimsPrincipal user, AppDbContext db,
        ModerationListsCache lists, TimeProvider time, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        return await AddAsync(text.Split('\n'), user.WorkspaceIdOf(), db, lists, time, ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, AppDbContext db, ModerationListsCache lists, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var deleted = await db.SensitiveWords.Where(w => w.Id == id && w.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        if (deleted == 0) return Problems.NotFound("Sensitive word", id);
        lists.Invalidate(workspaceId);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<DeletedResponse>> Clear(ClaimsPrincipal user, AppDbContext db, ModerationListsCache lists, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var deleted = await db.SensitiveWords.Where(w => w.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        lists.Invalidate(workspaceId);
        return TypedResults.Ok(new DeletedResponse(deleted));
    }

    private static async Task<Results<Ok<AddWordsResponse>, ValidationProblem>> AddAsync(IReadOnlyList<string> words, Guid workspaceId,
        AppDbContext db, ModerationListsCache lists, TimeProvider time, CancellationToken ct)
    {
        if (words.Count > MaxWordsPerRequest)
            return Problems.Invalid("words", $"At most {MaxWordsPerRequest} words per request; this one has {words.Count}. Split the file.");
        var tooLong = words.FirstOrDefault(w => w.Trim().Length > 100);
        if (tooLong is not null) return Problems.Invalid("words", $"A word has at most 100 characters: '{tooLong.Trim()[..20]}…'.");
        var existing = (await db.SensitiveWords.Where(w => w.WorkspaceId == workspaceId).Select(w => w.Word).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        var given = words.Select(w => w.Trim()).Where(w => w.Length > 0).ToList();
        foreach (var word in given)
        {
            if (!existing.Add(word)) continue;
            db.SensitiveWords.Add(new SensitiveWord { WorkspaceId = workspaceId, Word = word, CreatedAt = now });
            added++;
        }
        await db.SaveChangesAsync(ct);
        lists.Invalidate(workspaceId);
        // Blank lines are not words; duplicates (in the request or already stored) are skipped.
        return TypedResults.Ok(new AddWordsResponse(added, given.Count - added));
    }
}
