using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.Callbacks;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.WeCom;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.WeCom.FollowUps;

/// <summary>The connector's background step (see README.md): stored callbacks whose id starts with "fu:",
/// of partitions this node owns, oldest first; each done once (a <see cref="WeComFollowUp"/> row marks it),
/// transient WeCom errors retried after WeCom's back-off, at most <see cref="MaxAttempts"/> times.</summary>
public sealed partial class WeComFollowUpWorker(
    IAppDbContextFactory dbs,
    PartitionLeases leases,
    WeComFollowUpRunner runner,
    WeComFollowUpSignal signal,
    TimeProvider time,
    ILogger<WeComFollowUpWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private const int BatchSize = 20;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    /// <summary>Older callbacks are left alone: a welcome code is long dead and a group sync catches up groups.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) == 0) await signal.WaitAsync(Poll, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await signal.WaitAsync(Poll, time, stoppingToken);
            }
        }
    }

    /// <returns>How many follow-ups were attempted.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var owned = leases.Owned.ToList();
        if (owned.Count == 0) return 0;
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - Horizon;
        await using var db = dbs.Create();
        var due = await db.Inbox.AsNoTracking()
            .Where(e => e.Platform == PlatformKind.WeCom && e.PlatformEventId.StartsWith(WeComEventIds.FollowUpPrefix)
                        && e.ReceivedAt >= since && owned.Contains(e.Partition)
                        && !db.WeComFollowUps.Any(f => f.InboxSequence == e.Sequence && (f.DoneAt != null || f.NextAttemptAt > now)))
            .OrderBy(e => e.Sequence)
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var stored in due)
        {
            var row = await db.WeComFollowUps.FindAsync([stored.Sequence], ct);
            if (row is null)
            {
                row = new WeComFollowUp { InboxSequence = stored.Sequence, WorkspaceId = stored.WorkspaceId, AccountId = stored.AccountId };
                db.WeComFollowUps.Add(row);
            }
            row.Attempts++;
            try
            {
                row.Error = await runner.RunAsync(stored, ct);
                row.DoneAt = time.GetUtcNow().UtcDateTime;
            }
            catch (WeComApiException ex)
            {
                row.Error = ex.Message;
                LogFailed(logger, stored.Sequence, ex.ErrCode, ex.ErrMsg);
                if (ex.IsTransient && row.Attempts < MaxAttempts) row.NextAttemptAt = time.GetUtcNow().UtcDateTime + ex.RetryAfter!.Value;
                else row.DoneAt = time.GetUtcNow().UtcDateTime;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Network, timeout or a database race: retried like a transient WeCom error.
                row.Error = ex.GetType().Name + ": " + ex.Message;
                LogFailed(logger, stored.Sequence, 0, row.Error);
                if (row.Attempts < MaxAttempts) row.NextAttemptAt = time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(5 * row.Attempts);
                else row.DoneAt = time.GetUtcNow().UtcDateTime;
            }
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom follow-up loop failed")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom follow-up of inbox event {Sequence} failed: errcode {ErrCode}, {ErrMsg}")]
    private static partial void LogFailed(ILogger logger, long sequence, int errCode, string errMsg);
}
