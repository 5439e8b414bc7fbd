using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Content;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Scheduling;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Broadcasts;

/// <summary>One step of a run, in the scheduler's transaction: plan the next batch of targets (rows for
/// targets that have none yet), then hand planned targets to the outbox while the run's backlog there is
/// below its window, then schedule the next step. A crash rolls the step back and it runs again; the unique
/// (run, community) rows and outbox keys make every target happen once.</summary>
public sealed class BroadcastStepHandler(
    ConfigCache config,
    BroadcastFeeder feeder,
    BroadcastPlanner planner,
    IOptions<BroadcastOptions> options,
    TimeProvider time) : IJobHandler
{
    public string Kind => BroadcastJobs.StepKind;

    public async Task RunAsync(AppDbContext db, ScheduledJob job, CancellationToken cancellationToken)
    {
        var runId = Guid.ParseExact(job.Payload ?? "", "N");
        var run = await db.BroadcastRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null || run.State is BroadcastRunState.HandedOver or BroadcastRunState.Cancelled or BroadcastRunState.Failed) return;
        var broadcast = await db.Broadcasts.AsNoTracking().FirstAsync(b => b.Id == run.BroadcastId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (broadcast.State == BroadcastState.Cancelled)
        {
            await CancelAsync(db, run, cancellationToken);
            return;
        }
        // Paused: the chain stops here; resuming schedules a new step.
        if (broadcast.State == BroadcastState.Paused) return;

        var cfg = await config.GetAsync(broadcast.WorkspaceId, cancellationToken);
        var allowed = BroadcastSchedule.SendTime(now, broadcast.QuietHours, cfg.Zone);
        if (allowed > now)
        {
            db.ScheduledJobs.Add(BroadcastJobs.Step(run, allowed, now));
            return;
        }

        ContentItem? content = null;
        if (broadcast.ContentId is { } contentId)
        {
            content = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contentId, cancellationToken);
            if (content is null)
            {
                run.State = BroadcastRunState.Failed;
                run.Error = $"The content item {contentId} no longer exists.";
                await CancelPlannedAsync(db, run.Id, cancellationToken);
                return;
            }
        }
        var item = content ?? new ContentItem { Kind = ContentKind.Text, Title = broadcast.Name, Text = broadcast.Text };

        if (run.State == BroadcastRunState.Planning && await planner.PlanBatchAsync(db, broadcast, run, item, now, cancellationToken))
        {
            run.State = BroadcastRunState.Feeding;
            run.PlannedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);

        await feeder.FeedAsync(db, run, item, cfg, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        if (run.State == BroadcastRunState.Planning)
            db.ScheduledJobs.Add(BroadcastJobs.Step(run, now, now));
        else if (await db.BroadcastDeliveries.AnyAsync(d => d.RunId == run.Id && d.State == BroadcastDeliveryState.Planned, cancellationToken))
            db.ScheduledJobs.Add(BroadcastJobs.Step(run, now + options.Value.FeedInterval, now));
        else
        {
            run.State = BroadcastRunState.HandedOver;
            run.HandedOverAt = now;
        }
    }

    /// <summary>Targets not yet handed over are cancelled; those already in the outbox still go out.</summary>
    public static async Task CancelAsync(AppDbContext db, BroadcastRun run, CancellationToken ct)
    {
        run.State = BroadcastRunState.Cancelled;
        await CancelPlannedAsync(db, run.Id, ct);
    }

    private static Task<int> CancelPlannedAsync(AppDbContext db, Guid runId, CancellationToken ct) =>
        db.BroadcastDeliveries.Where(d => d.RunId == runId && d.State == BroadcastDeliveryState.Planned)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, BroadcastDeliveryState.Cancelled), ct);
}
