using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Sops;
using Qunzhu.Engine;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Engine.Sops;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Broadcasts;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Where an SOP runs: applying a group SOP to groups, the targets it runs for, and the per-step execution report.
public static class SopRunsApi
{
    public static RouteGroupBuilder MapSopRunsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/apply", Apply).WithName("ApplySop").AllowOperators()
            .WithSummary("Start a group SOP for many groups at once (by id, type or tag; an Operator's own groups only); groups where it runs already are left alone");
        group.MapGet("/{id:guid}/enrollments", Enrollments).WithName("ListSopEnrollments")
            .WithSummary("The groups and members the SOP runs (or ran) for; status active|completed|exited|cancelled");
        group.MapPost("/{id:guid}/enrollments/{enrollmentId:guid}/stop", Stop).WithName("StopSopEnrollment").AllowOperators()
            .WithSummary("Stop the SOP for one target: its scheduled steps are skipped");
        group.MapGet("/{id:guid}/executions", Executions).WithName("ListSopExecutions")
            .WithSummary("Execution report: one row per step per target with status scheduled|doneOnTime|doneLate|skipped|failed and the reason");
        return group;
    }

    public static async Task<Results<Ok<ApplySopResponse>, ValidationProblem, ProblemHttpResult>> Apply(Guid id, ApplySopRequest request, ClaimsPrincipal user,
        AppDbContext db, SopEnroller enroller, EngineSignals signals, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var sop = await db.Sops.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.WorkspaceId == workspaceId, ct);
        if (sop is null) return Problems.NotFound("SOP", id);
        if (sop.Kind != SopKind.Group) return Problems.Invalid("kind", "A member SOP starts by itself from its trigger (a join or a tag); only group SOPs are applied to groups.");
        if (!sop.Enabled) return Problems.Invalid("enabled", "The SOP is switched off; switch it on before applying it.");
        var errors = new Dictionary<string, string[]>();
        var targets = await BroadcastRequestValidator.TargetsAsync(new BroadcastTargetsRequest(request.CommunityIds, request.CommunityTypes, request.Tags),
            workspaceId, db, errors, ct);
        if (targets is null || errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var visible = db.VisibleCommunityIds(user);
        var ids = await BroadcastTargeting.Query(db, workspaceId, targets).Where(c => visible.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (targets.CommunityIds.Except(ids).FirstOrDefault() is var hidden && hidden != Guid.Empty)
            return Problems.Invalid("communityIds", $"No community with id '{hidden}' exists in your workspace.");
        if (ids.Count > BroadcastRequestValidator.MaxTargets) return Problems.Invalid("targets", $"At most {BroadcastRequestValidator.MaxTargets} groups at once.");

        var history = await db.SopEnrollments.Where(e => e.SopId == id && ids.Contains(e.CommunityId))
            .GroupBy(e => e.CommunityId).Select(g => new { g.Key, Count = g.Count(), Active = g.Any(e => e.Status == SopEnrollmentStatus.Active) })
            .ToDictionaryAsync(x => x.Key, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var enrolled = new List<Guid>();
        foreach (var communityId in ids)
        {
            var before = history.GetValueOrDefault(communityId);
            if (before?.Active == true) continue;
            if (await enroller.EnrollAsync(db, sop, communityId, null, SopEnroller.GroupKey(id, communityId, before?.Count ?? 0), now, now, ct) is not null)
                enrolled.Add(communityId);
        }
        await db.SaveChangesAsync(ct);
        signals.JobScheduled();
        return TypedResults.Ok(new ApplySopResponse(enrolled.Count, ids.Count - enrolled.Count, enrolled));
    }

    public static async Task<Results<Ok<PagedList<SopEnrollmentResponse>>, ProblemHttpResult>> Enrollments(Guid id, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct, int page = 1, int pageSize = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await db.Sops.AnyAsync(s => s.Id == id && s.WorkspaceId == workspaceId, ct)) return Problems.NotFound("SOP", id);
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var visible = db.VisibleCommunityIds(user);
        var query = db.SopEnrollments.AsNoTracking().Where(e => e.SopId == id && e.WorkspaceId == workspaceId && visible.Contains(e.CommunityId));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new SopEnrollmentResponse(e.Id, e.CommunityId, db.Communities.Where(c => c.Id == e.CommunityId).Select(c => c.Name).FirstOrDefault() ?? "",
                e.MemberId, db.Members.Where(m => m.Id == e.MemberId).Select(m => m.DisplayName).FirstOrDefault(), e.Status, e.ExitReason, e.AnchorAt,
                e.CreatedAt, e.EndedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<SopEnrollmentResponse>(rows, total, page, pageSize));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Stop(Guid id, Guid enrollmentId, ClaimsPrincipal user, AppDbContext db, TimeProvider time,
        CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var visible = db.VisibleCommunityIds(user);
        var enrollment = await db.SopEnrollments.FirstOrDefaultAsync(e => e.Id == enrollmentId && e.SopId == id && e.WorkspaceId == workspaceId
            && visible.Contains(e.CommunityId), ct);
        if (enrollment is null) return Problems.NotFound("SOP enrollment", enrollmentId);
        if (enrollment.Status != SopEnrollmentStatus.Active) return Problems.Conflict("Not running", $"The SOP is not running for this target any more ({enrollment.Status}).");
        var now = time.GetUtcNow().UtcDateTime;
        var reason = $"Stopped by {user.Identity?.Name ?? "staff"}";
        (enrollment.Status, enrollment.ExitReason, enrollment.EndedAt) = (SopEnrollmentStatus.Cancelled, reason, now);
        await SopEnroller.SkipScheduledAsync(db, enrollment.Id, reason, now, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<SopExecutionsResponse>, ValidationProblem, ProblemHttpResult>> Executions(Guid id, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct, string? status = null, Guid? communityId = null, int page = 1, int pageSize = 100)
    {
        var workspaceId = user.WorkspaceIdOf();
        var sop = await db.Sops.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.WorkspaceId == workspaceId, ct);
        if (sop is null) return Problems.NotFound("SOP", id);
        SopExecutionStatus? wanted = null;
        if (status is not null)
        {
            if (!Sops.Enums.TryParse<SopExecutionStatus>(status, out var s))
                return Problems.Invalid("status", $"Unknown status '{status}'. Use scheduled, doneOnTime, doneLate, skipped or failed.");
            wanted = s;
        }
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 500));
        var visible = db.VisibleCommunityIds(user);
        var all = db.SopExecutions.AsNoTracking().Where(x => x.SopId == id && x.WorkspaceId == workspaceId && visible.Contains(x.CommunityId));
        if (communityId is { } cid) all = all.Where(x => x.CommunityId == cid);
        var counts = await all.GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var summary = new SopExecutionSummary(counts.GetValueOrDefault(SopExecutionStatus.Scheduled), counts.GetValueOrDefault(SopExecutionStatus.DoneOnTime),
            counts.GetValueOrDefault(SopExecutionStatus.DoneLate), counts.GetValueOrDefault(SopExecutionStatus.Skipped), counts.GetValueOrDefault(SopExecutionStatus.Failed));
        var query = wanted is { } w ? all.Where(x => x.Status == w) : all;
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.DueAt).ThenBy(x => x.StepNumber).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x,
                Community = db.Communities.Where(c => c.Id == x.CommunityId).Select(c => c.Name).FirstOrDefault(),
                Member = db.Members.Where(m => m.Id == x.MemberId).Select(m => m.DisplayName).FirstOrDefault(),
            }).ToListAsync(ct);
        var actions = sop.Steps.ToDictionary(s => s.Id, s => s.Action);
        var items = rows.Select(r => new SopExecutionResponse(r.x.Id, r.x.EnrollmentId, r.x.StepNumber, r.x.Occurrence,
            actions.TryGetValue(r.x.StepId, out var a) ? a : null, r.x.CommunityId, r.Community ?? "", r.x.MemberId, r.Member, r.x.DueAt, r.x.ExecutedAt, r.x.Status,
            r.x.ExecutedAt is { } done && r.x.Status is SopExecutionStatus.DoneOnTime or SopExecutionStatus.DoneLate ? Math.Round((done - r.x.DueAt).TotalMinutes, 1) : null,
            r.x.Reason)).ToList();
        return TypedResults.Ok(new SopExecutionsResponse(summary, items, total, page, pageSize));
    }
}
