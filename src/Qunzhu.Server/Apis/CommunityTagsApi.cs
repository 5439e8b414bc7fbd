using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

public sealed record TagsRequest(IReadOnlyList<string>? Tags);

public sealed record TagCount(string Tag, int Communities);

/// <param name="Add">Tags to put on every listed group.</param>
/// <param name="Remove">Tags to take off them.</param>
public sealed record ApplyTagsRequest(IReadOnlyList<Guid>? CommunityIds, IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

/// <param name="Values">Values for content variables in this group, e.g. {"teacher":"李老师"} fills {teacher}.</param>
public sealed record VariablesRequest(Dictionary<string, string>? Values);

/// Group tags (broadcast and SOP targets) and a group's own content variables.
public static partial class CommunityTagsApi
{
    private static readonly HashSet<string> Reserved = ["member", "group", "date", "weekday"];

    public static RouteGroupBuilder MapCommunityTagsApi(this RouteGroupBuilder api)
    {
        var communities = api.MapGroup("/communities").WithTags("Communities");
        communities.MapGet("/{id:guid}/tags", GetTags).WithName("GetCommunityTags").WithSummary("A group's tags");
        communities.MapPut("/{id:guid}/tags", PutTags).WithName("SetCommunityTags").WithSummary("Replace a group's tags").AllowOperators();
        communities.MapGet("/{id:guid}/variables", GetVariables).WithName("GetCommunityVariables").WithSummary("A group's own content variables");
        communities.MapPut("/{id:guid}/variables", PutVariables).WithName("SetCommunityVariables")
            .WithSummary("Replace a group's content variables ({name} in content is filled with its value)").AllowOperators();
        var tags = api.MapGroup("/community-tags").WithTags("Communities");
        tags.MapGet("/", ListTags).WithName("ListCommunityTags").WithSummary("Every tag in use, with how many groups carry it");
        tags.MapPost("/apply", Apply).WithName("ApplyCommunityTags").WithSummary("Add and remove tags on many groups at once").AllowOperators();
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> GetTags(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (!await db.VisibleCommunities(user).AnyAsync(c => c.Id == id, ct)) return Problems.NotFound("Community", id);
        return TypedResults.Ok<IReadOnlyList<string>>(await db.CommunityTags.Where(t => t.CommunityId == id).OrderBy(t => t.Tag).Select(t => t.Tag).ToListAsync(ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem, ProblemHttpResult>> PutTags(Guid id, TagsRequest request, ClaimsPrincipal user,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await db.VisibleCommunities(user).AnyAsync(c => c.Id == id, ct)) return Problems.NotFound("Community", id);
        if (Clean(request.Tags, "tags", out var wanted) is { } error) return error;
        var existing = await db.CommunityTags.Where(t => t.CommunityId == id).ToListAsync(ct);
        db.CommunityTags.RemoveRange(existing.Where(t => !wanted.Contains(t.Tag)));
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var tag in wanted.Where(w => existing.All(e => e.Tag != w)))
            db.CommunityTags.Add(new CommunityTag { WorkspaceId = workspaceId, CommunityId = id, Tag = tag, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok<IReadOnlyList<string>>([.. wanted.Order(StringComparer.Ordinal)]);
    }

    public static async Task<Ok<IReadOnlyList<TagCount>>> ListTags(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var counts = await db.CommunityTags.Where(t => t.WorkspaceId == workspaceId).InVisibleCommunities(db, user, t => t.CommunityId).GroupBy(t => t.Tag)
            .Select(g => new TagCount(g.Key, g.Count())).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<TagCount>>([.. counts.OrderBy(c => c.Tag, StringComparer.Ordinal)]);
    }

    public static async Task<Results<NoContent, ValidationProblem>> Apply(ApplyTagsRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var ids = (request.CommunityIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return Problems.Invalid("communityIds", "List the groups to tag.");
        if (Clean(request.Add, "add", out var add) is { } e1) return e1;
        if (Clean(request.Remove, "remove", out var remove) is { } e2) return e2;
        if (add.Count == 0 && remove.Count == 0) return Problems.Invalid("add", "Give a tag to add or to remove.");
        if (add.FirstOrDefault(remove.Contains) is { } both) return Problems.Invalid("remove", $"'{both}' is both added and removed; choose one.");
        // An Operator's unassigned groups read as missing, exactly as if they did not exist.
        var found = await db.VisibleCommunities(user).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var missing = ids.Except(found).ToList();
        if (missing.Count > 0) return Problems.Invalid("communityIds", $"No community with id {string.Join(", ", missing.Take(5))} exists in your workspace.");
        var existing = await db.CommunityTags.Where(t => ids.Contains(t.CommunityId)).ToListAsync(ct);
        db.CommunityTags.RemoveRange(existing.Where(t => remove.Contains(t.Tag)));
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var id in ids)
            foreach (var tag in add.Where(a => !remove.Contains(a) && !existing.Any(e => e.CommunityId == id && e.Tag == a)))
                db.CommunityTags.Add(new CommunityTag { WorkspaceId = workspaceId, CommunityId = id, Tag = tag, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Dictionary<string, string>>, ProblemHttpResult>> GetVariables(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var c = await db.VisibleCommunities(user).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null) return Problems.NotFound("Community", id);
        return TypedResults.Ok(c.Variables ?? []);
    }

    public static async Task<Results<Ok<Dictionary<string, string>>, ValidationProblem, ProblemHttpResult>> PutVariables(Guid id, VariablesRequest request,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var c = await db.VisibleCommunities(user).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (c is null) return Problems.NotFound("Community", id);
        var values = request.Values ?? [];
        if (values.Count > 50) return Problems.Invalid("values", "A group has at most 50 variables.");
        foreach (var (name, value) in values)
        {
            if (!VariableName().IsMatch(name)) return Problems.Invalid($"values.{name}", $"'{name}' is not a variable name: use 1–32 letters (Chinese too), digits or _ (it is written {{{name}}} in content).");
            if (Reserved.Contains(name)) return Problems.Invalid($"values.{name}", $"{{{name}}} is filled by Qunzhu itself; choose another name.");
            if (value is null || value.Length > 500) return Problems.Invalid($"values.{name}", "A value has at most 500 characters.");
        }
        c.Variables = values.Count == 0 ? null : new Dictionary<string, string>(values);
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.Ok(values);
    }

    private static ValidationProblem? Clean(IReadOnlyList<string>? tags, string field, out HashSet<string> clean)
    {
        clean = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in tags ?? [])
        {
            var tag = raw?.Trim() ?? "";
            if (tag.Length is 0 or > 50) return Problems.Invalid(field, "A tag has 1–50 characters.");
            clean.Add(tag);
        }
        return clean.Count > 100 ? Problems.Invalid(field, "A group has at most 100 tags.") : null;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_]{1,32}$")]
    private static partial Regex VariableName();
}
