using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Apis;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Broadcasts;

/// Scheduling, pause / resume / cancel, and the run and delivery reports of a broadcast.
public static class BroadcastControl
{
    /// <summary>Adds the broadcast and its first occurrence job: the broadcast is rows before it is a timer.</summary>
    public static Broadcast Schedule(AppDbContext db, Guid workspaceId, BroadcastDraft draft, string? origin, DateTime now)
    {
        var broadcast = new Broadcast
        {
            WorkspaceId = workspaceId,
            Name = draft.Name,
            ContentId = draft.ContentId,
            Text = draft.Text,
            Targets = draft.Targets,
            At = draft.At,
            Cron = draft.Cron,
            QuietHours = draft.QuietHours,
            NextRunAt = draft.FirstSendAt,
            Origin = origin,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Broadcasts.Add(broadcast);
        db.ScheduledJobs.Add(BroadcastJobs.Occurrence(broadcast, draft.FirstOccurrence, draft.FirstSendAt, now));
        return broadcast;
    }

    public static async Task<Results<Ok<IReadOnlyList<BroadcastRunResponse>>, ProblemHttpResult>> Runs(Guid id, ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct, int limit = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await BroadcastAccess.CanSeeAsync(db, user, id, ct)) return Problems.NotFound("Broadcast", id);
        var runs = await db.BroadcastRuns.AsNoTracking().Where(r => r.BroadcastId == id && r.WorkspaceId == workspaceId)
            .OrderByDescending(r => r.Occurrence).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<BroadcastRunResponse>>([.. (await BroadcastReads.RunResponsesAsync(db, runs, ct)).Select(r => r.Response)]);
    }

    public static async Task<Results<Ok<PagedList<BroadcastDeliveryResponse>>, ValidationProblem, ProblemHttpResult>> Deliveries(Guid id, ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct, Guid? runId = null, string? status = null, int page = 1, int pageSize = 100)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await BroadcastAccess.CanSeeAsync(db, user, id, ct)) return Problems.NotFound("Broadcast", id);
        if (status is not null and not ("pending" or "sent" or "failed" or "waitingForStaff" or "cancelled"))
            return Problems.Invalid("status", $"Unknown status '{status}'. Use pending, sent, failed, waitingForStaff or cancelled.");
        var run = runId ?? await db.BroadcastRuns.Where(r => r.BroadcastId == id).OrderByDescending(r => r.Occurrence).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 500));
        if (run is null) return TypedResults.Ok(new PagedList<BroadcastDeliveryResponse>([], 0, page, pageSize));
        var query = db.BroadcastDeliveries.AsNoTracking().Where(d => d.RunId == run && d.BroadcastId == id && d.WorkspaceId == workspaceId)
            .InVisibleCommunities(db, user, d => d.CommunityId);
        if (status is not null) query = BroadcastReads.WhereStatus(db, query, status);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<BroadcastDeliveryResponse>(await BroadcastReads.DeliveriesAsync(db, rows, ct), total, page, pageSize));
    }

    public static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> Pause(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var (broadcast, current, zone) = await LoadAsync(id, user, db, config, ct);
        if (broadcast is null) return Problems.NotFound("Broadcast", id);
        if (broadcast.State != BroadcastState.Active || current is BroadcastStatus.Completed or BroadcastStatus.Failed)
            return Problems.Conflict("Cannot pause", $"Only a scheduled or sending broadcast can be paused; this one is {BroadcastStatuses.Describe(current)}.");
        broadcast.State = BroadcastState.Paused;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await BroadcastReads.ToResponsesAsync(db, [broadcast], zone, ct))[0]);
    }

    public static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> Resume(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config,
        EngineSignals signals, TimeProvider time, CancellationToken ct)
    {
        var (broadcast, current, zone) = await LoadAsync(id, user, db, config, ct);
        if (broadcast is null) return Problems.NotFound("Broadcast", id);
        if (broadcast.State != BroadcastState.Paused)
            return Problems.Conflict("Not paused", $"Only a paused broadcast can be resumed; this one is {BroadcastStatuses.Describe(current)}.");
        broadcast.State = BroadcastState.Active;
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.BroadcastRuns.Where(r => r.BroadcastId == id && (r.State == BroadcastRunState.Planning || r.State == BroadcastRunState.Feeding)).ToListAsync(ct);
        foreach (var run in open)
        {
            var payload = run.Id.ToString("N");
            // A step still waiting (quiet hours, or a pause shorter than a step) goes on by itself.
            if (!await db.ScheduledJobs.AnyAsync(j => j.Kind == BroadcastJobs.StepKind && j.Payload == payload && j.Status == ScheduledJobStatus.Pending, ct))
                db.ScheduledJobs.Add(BroadcastJobs.Step(run, now, now));
        }
        broadcast.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        signals.JobScheduled();
        return TypedResults.Ok((await BroadcastReads.ToResponsesAsync(db, [broadcast], zone, ct))[0]);
    }

    public static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> Cancel(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config,
        TimeProvider time, CancellationToken ct)
    {
        var (broadcast, current, zone) = await LoadAsync(id, user, db, config, ct);
        if (broadcast is null) return Problems.NotFound("Broadcast", id);
        if (current is BroadcastStatus.Cancelled or BroadcastStatus.Completed or BroadcastStatus.Failed)
            return Problems.Conflict("Cannot cancel", $"This broadcast is already {BroadcastStatuses.Describe(current)}.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        broadcast.State = BroadcastState.Cancelled;
        broadcast.NextRunAt = null;
        broadcast.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var open = await db.BroadcastRuns.Where(r => r.BroadcastId == id && (r.State == BroadcastRunState.Planning || r.State == BroadcastRunState.Feeding)).ToListAsync(ct);
        foreach (var run in open) await BroadcastStepHandler.CancelAsync(db, run, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await BroadcastReads.ToResponsesAsync(db, [broadcast], zone, ct))[0]);
    }

    private static async Task<(Broadcast? Broadcast, BroadcastStatus Status, string Zone)> LoadAsync(Guid id, ClaimsPrincipal user, AppDbContext db,
        ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var broadcast = await db.Broadcasts.FirstOrDefaultAsync(b => b.Id == id && b.WorkspaceId == workspaceId, ct);
        var zone = (await config.GetAsync(workspaceId, ct)).Workspace.TimeZoneId;
        if (broadcast is null) return (null, BroadcastStatus.Failed, zone);
        return (broadcast, (await BroadcastReads.ToResponsesAsync(db, [broadcast], zone, ct))[0].Status, zone);
    }
}
