using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Scheduling;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Broadcasts;

/// <summary>An occurrence came due: create its run (rows first) and its first step, and schedule the next
/// occurrence of a recurring broadcast. Re-running it finds the run it made and changes nothing.</summary>
public sealed class BroadcastOccurrenceHandler(ConfigCache config, TimeProvider time) : IJobHandler
{
    public string Kind => BroadcastJobs.OccurrenceKind;

    public async Task RunAsync(AppDbContext db, ScheduledJob job, CancellationToken cancellationToken)
    {
        var (broadcastId, occurrence) = BroadcastJobs.ParseOccurrence(job.Payload ?? "");
        var broadcast = await db.Broadcasts.FirstOrDefaultAsync(b => b.Id == broadcastId, cancellationToken);
        if (broadcast is null || broadcast.State == BroadcastState.Cancelled) return;
        var now = time.GetUtcNow().UtcDateTime;
        var recurring = broadcast.Cron is not null;

        // A paused recurring broadcast skips the occurrences it sleeps through (yesterday's 早报 is not sent
        // late); a paused one-off still gets its run, which waits for the resume.
        if (!(recurring && broadcast.State == BroadcastState.Paused)
            && !await db.BroadcastRuns.AnyAsync(r => r.BroadcastId == broadcast.Id && r.Occurrence == occurrence, cancellationToken))
        {
            var run = new BroadcastRun { WorkspaceId = broadcast.WorkspaceId, BroadcastId = broadcast.Id, Occurrence = occurrence, CreatedAt = now };
            db.BroadcastRuns.Add(run);
            db.ScheduledJobs.Add(BroadcastJobs.Step(run, now, now));
        }

        broadcast.NextRunAt = null;
        if (recurring && BroadcastSchedule.ParseCron(broadcast.Cron!, out _) is { } cron)
        {
            var zone = (await config.GetAsync(broadcast.WorkspaceId, cancellationToken)).Zone;
            // After downtime, go on from now: missed occurrences are not replayed one after another.
            var from = occurrence > now ? occurrence : now;
            if (BroadcastSchedule.NextOccurrence(cron, from, zone) is { } next)
            {
                var due = BroadcastSchedule.SendTime(next, broadcast.QuietHours, zone);
                db.ScheduledJobs.Add(BroadcastJobs.Occurrence(broadcast, next, due, now));
                broadcast.NextRunAt = due;
            }
        }
        broadcast.UpdatedAt = now;
    }
}
