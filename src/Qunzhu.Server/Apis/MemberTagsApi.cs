using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Engine;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Sops;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Member tags: labels on a person that start member SOPs ("tagged" trigger) and stop them (exit tags).
public static class MemberTagsApi
{
    public static RouteGroupBuilder MapMemberTagsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/members").WithTags("Members");
        group.MapGet("/{id:guid}/tags", Get).WithName("GetMemberTags").WithSummary("A member's tags");
        group.MapPost("/{id:guid}/tags", Add).WithName("AddMemberTags").AllowOperators()
            .WithSummary("Add tags to a member: member SOPs triggered by a tag start, SOPs with it as an exit tag stop");
        group.MapDelete("/{id:guid}/tags/{tag}", Remove).WithName("RemoveMemberTag").AllowOperators().WithSummary("Take a tag off a member");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (!await db.VisibleMembers(user).AnyAsync(m => m.Id == id, ct)) return Problems.NotFound("Member", id);
        return TypedResults.Ok<IReadOnlyList<string>>(await db.MemberTags.Where(t => t.MemberId == id).OrderBy(t => t.Tag).Select(t => t.Tag).ToListAsync(ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem, ProblemHttpResult>> Add(Guid id, TagsRequest request, ClaimsPrincipal user,
        AppDbContext db, SopEnroller sops, ConfigCache config, EngineSignals signals, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await db.VisibleMembers(user).AnyAsync(m => m.Id == id, ct)) return Problems.NotFound("Member", id);
        var tags = (request.Tags ?? []).Select(t => t?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count is 0 or > 20 || tags.Any(t => t.Length is 0 or > 50)) return Problems.Invalid("tags", "List 1–20 tags of 1–50 characters.");
        var existing = await db.MemberTags.Where(t => t.MemberId == id).Select(t => t.Tag).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var added = tags.Except(existing).Select(t => new MemberTag { WorkspaceId = workspaceId, MemberId = id, Tag = t, CreatedAt = now }).ToList();
        db.MemberTags.AddRange(added);
        var locale = (await config.GetAsync(workspaceId, ct)).Workspace.Locale;
        var scheduled = added.Count > 0 && await sops.OnMemberTaggedAsync(db, workspaceId, id, added, locale, now, ct);
        await db.SaveChangesAsync(ct);
        if (scheduled) signals.JobScheduled();
        return TypedResults.Ok<IReadOnlyList<string>>([.. existing.Concat(added.Select(a => a.Tag)).Order(StringComparer.Ordinal)]);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid id, string tag, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (!await db.VisibleMembers(user).AnyAsync(m => m.Id == id, ct)) return Problems.NotFound("Member", id);
        await db.MemberTags.Where(t => t.MemberId == id && t.Tag == tag).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }
}
