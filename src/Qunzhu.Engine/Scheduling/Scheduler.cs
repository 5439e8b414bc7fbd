using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qunzhu.Core.Pipeline;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Scheduling;

/// <summary>Runs due jobs. Jobs are rows before they are timers, so a restart resumes them; the job's
/// version column makes a second node (or a module appending to the job) lose cleanly instead of
/// running it twice.</summary>
public sealed partial class Scheduler(
    IAppDbContextFactory dbs,
    IEnumerable<IJobHandler> handlers,
    EngineSignals signals,
    TimeProvider time,
    ILogger<Scheduler> logger) : BackgroundService
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinSleep = TimeSpan.FromMilliseconds(20);
    private const int MaxAttempts = 5;
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ran = await RunDueAsync(stoppingToken);
                if (ran > 0) signals.OutboxWritten();
                var next = await NextDueInAsync(stoppingToken);
                await signals.WaitSchedulerAsync(next < MaxSleep ? next : MaxSleep, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(MaxSleep, time, stoppingToken);
            }
        }
    }

    /// <summary>Runs every job due now; returns how many completed.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var db = dbs.Create())
        {
            due = await db.ScheduledJobs.AsNoTracking()
                .Where(j => j.Status == ScheduledJobStatus.Pending && j.DueAt <= now)
                .OrderBy(j => j.DueAt).Take(100).Select(j => j.Id).ToListAsync(ct);
        }
        var completed = 0;
        foreach (var id in due)
        {
            if (await RunOneAsync(id, ct)) completed++;
        }
        return completed;
    }

    private async Task<bool> RunOneAsync(Guid id, CancellationToken ct)
    {
        await using var db = dbs.Create();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var job = await db.ScheduledJobs.SingleAsync(j => j.Id == id, ct);
        if (job.Status != ScheduledJobStatus.Pending) return false;
        try
        {
            if (!_handlers.TryGetValue(job.Kind, out var handler))
                throw new InvalidOperationException($"No handler for job kind '{job.Kind}'.");
            await handler.RunAsync(db, job, ct);
            job.Status = ScheduledJobStatus.Completed;
            job.CompletedAt = time.GetUtcNow().UtcDateTime;
            job.Version++;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the job meanwhile (a join appended to it, another node ran it): read it again next round.
            await tx.RollbackAsync(CancellationToken.None);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            await RecordFailureAsync(id, ex, ct);
            return false;
        }
    }

    private async Task RecordFailureAsync(Guid id, Exception ex, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var job = await db.ScheduledJobs.SingleAsync(j => j.Id == id, ct);
        // Another node ran the job meanwhile (its outbox row is what ours collided with): a lost race, not a failure.
        if (job.Status != ScheduledJobStatus.Pending) return;
        LogJobFailed(logger, ex, id);
        job.Attempts++;
        job.LastError = ex.Message;
        job.Version++;
        if (job.Attempts >= MaxAttempts) job.Status = ScheduledJobStatus.Failed;
        else job.DueAt = time.GetUtcNow().UtcDateTime.AddSeconds(Math.Pow(2, job.Attempts));
        await db.SaveChangesAsync(ct);
    }

    private async Task<TimeSpan> NextDueInAsync(CancellationToken ct)
    {
        await using var db = dbs.Create();
        var next = await db.ScheduledJobs.AsNoTracking()
            .Where(j => j.Status == ScheduledJobStatus.Pending)
            .OrderBy(j => j.DueAt).Select(j => (DateTime?)j.DueAt).FirstOrDefaultAsync(ct);
        if (next is null) return MaxSleep;
        var wait = next.Value - time.GetUtcNow().UtcDateTime;
        // A floor keeps a job that keeps losing a race from spinning the loop.
        return wait < MinSleep ? MinSleep : wait;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduler loop failed")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, Guid jobId);
}
