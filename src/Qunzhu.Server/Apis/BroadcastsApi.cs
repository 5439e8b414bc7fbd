using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Engine;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Broadcasts;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Broadcasts: one-off or recurring messages to many groups, with progress and per-target receipts.
public static class BroadcastsApi
{
    public static RouteGroupBuilder MapBroadcastsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/broadcasts").WithTags("Broadcasts");
        group.MapGet("/", List).WithName("ListBroadcasts").WithSummary("Broadcasts, newest first (filter by status)");
        group.MapPost("/", Create).WithName("CreateBroadcast")
            .WithSummary("Schedule a broadcast: content (text or contentId), targets (communityIds, communityTypes or tags), schedule (at or cron), quiet hours");
        group.MapPost("/preview-targets", BroadcastTargetPreviews.Preview).WithName("PreviewBroadcastTargets")
            .WithSummary("Which groups the targets resolve to now, and how each would get the message");
        group.MapGet("/{id:guid}", Get).WithName("GetBroadcast").WithSummary("Status and progress (total, sent, failed, waiting for staff) of the latest run");
        group.MapGet("/{id:guid}/runs", BroadcastControl.Runs).WithName("ListBroadcastRuns").WithSummary("Every occurrence, each with its own progress");
        group.MapGet("/{id:guid}/deliveries", BroadcastControl.Deliveries).WithName("ListBroadcastDeliveries")
            .WithSummary("Per-target rows of a run (the latest by default) with failure reasons; status pending|sent|failed|waitingForStaff|cancelled");
        group.MapPost("/{id:guid}/pause", BroadcastControl.Pause).WithName("PauseBroadcast").WithSummary("Stop handing out messages until resumed");
        group.MapPost("/{id:guid}/resume", BroadcastControl.Resume).WithName("ResumeBroadcast").WithSummary("Go on where the pause stopped");
        group.MapPost("/{id:guid}/cancel", BroadcastControl.Cancel).WithName("CancelBroadcast")
            .WithSummary("No further messages or occurrences; those already handed to delivery still go out");
        return api;
    }

    public static async Task<Results<Ok<PagedList<BroadcastResponse>>, ValidationProblem>> List(ClaimsPrincipal user, AppDbContext db, ConfigCache config,
        CancellationToken ct, string? status = null, int page = 1, int pageSize = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        BroadcastStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<BroadcastStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
                return Problems.Invalid("status", $"Unknown status '{status}'. Use scheduled, sending, waitingForStaff, paused, completed, cancelled or failed.");
            wanted = s;
        }
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var cfg = await config.GetAsync(workspaceId, ct);
        var query = db.Broadcasts.AsNoTracking().Where(b => b.WorkspaceId == workspaceId).OrderByDescending(b => b.CreatedAt);
        if (user.IsOperator())
        {
            // Narrowed in memory (targets are JSON); a workspace has hundreds of broadcasts, not millions.
            var mine = await BroadcastAccess.VisibleAsync(db, user, query, ct);
            var rolled = await BroadcastReads.ToResponsesAsync(db, mine, cfg.Workspace.TimeZoneId, ct);
            var kept = rolled.Where(b => wanted is null || b.Status == wanted).ToList();
            return TypedResults.Ok(new PagedList<BroadcastResponse>([.. kept.Skip((page - 1) * pageSize).Take(pageSize)], kept.Count, page, pageSize));
        }
        if (wanted is null)
        {
            var total = await query.CountAsync(ct);
            var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
            return TypedResults.Ok(new PagedList<BroadcastResponse>(await BroadcastReads.ToResponsesAsync(db, items, cfg.Workspace.TimeZoneId, ct), total, page, pageSize));
        }
        // Status is rolled up from runs and receipts, so it is filtered after the roll-up.
        var all = await BroadcastReads.ToResponsesAsync(db, await query.ToListAsync(ct), cfg.Workspace.TimeZoneId, ct);
        var matching = all.Where(b => b.Status == wanted).ToList();
        return TypedResults.Ok(new PagedList<BroadcastResponse>([.. matching.Skip((page - 1) * pageSize).Take(pageSize)], matching.Count, page, pageSize));
    }

    public static async Task<Results<Created<BroadcastResponse>, ValidationProblem>> Create(CreateBroadcastRequest request, ClaimsPrincipal user, AppDbContext db,
        ConfigCache config, EngineSignals signals, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var cfg = await config.GetAsync(workspaceId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (draft, errors) = await BroadcastRequestValidator.ValidateAsync(request, workspaceId, cfg.Zone, now, db, ct);
        if (draft is null) return TypedResults.ValidationProblem(errors);
        var broadcast = BroadcastControl.Schedule(db, workspaceId, draft, origin: null, now);
        await db.SaveChangesAsync(ct);
        signals.JobScheduled();
        var response = (await BroadcastReads.ToResponsesAsync(db, [broadcast], cfg.Workspace.TimeZoneId, ct))[0];
        return TypedResults.Created($"/api/v1/broadcasts/{broadcast.Id}", response);
    }

    public static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var broadcast = (await BroadcastAccess.VisibleAsync(db, user, db.Broadcasts.AsNoTracking().Where(b => b.Id == id && b.WorkspaceId == workspaceId), ct))
            .FirstOrDefault();
        if (broadcast is null) return Problems.NotFound("Broadcast", id);
        var cfg = await config.GetAsync(workspaceId, ct);
        return TypedResults.Ok((await BroadcastReads.ToResponsesAsync(db, [broadcast], cfg.Workspace.TimeZoneId, ct))[0]);
    }
}
