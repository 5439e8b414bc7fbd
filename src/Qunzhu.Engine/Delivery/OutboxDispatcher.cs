using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Delivery;

/// <summary>Delivers due outbox rows of the partitions this node owns, per platform account: chats in
/// parallel, each chat in order; within the platform's rate limits; retrying with exponential backoff (or the platform's
/// retry-after) and dead-lettering after the last attempt, with the reason kept for the console.</summary>
public sealed partial class OutboxDispatcher(
    IAppDbContextFactory dbs,
    PlatformCatalog platforms,
    RateLimiters limits,
    DeliverySettlement settlement,
    PartitionLeases leases,
    EngineSignals signals,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AccountRefresh = TimeSpan.FromSeconds(10);

    /// <summary>One delivery loop per enabled platform account, so a slow or failing platform never holds
    /// back another; accounts are looked up again when an unknown one gets work and every few seconds.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new Dictionary<Guid, (Task Loop, CancellationTokenSource Stop)>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using (var db = dbs.Create())
                    {
                        var enabled = await db.PlatformAccounts.AsNoTracking().Where(a => a.Enabled).Select(a => a.Id).ToListAsync(stoppingToken);
                        foreach (var id in enabled.Where(id => !loops.ContainsKey(id)))
                        {
                            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                            loops[id] = (RunAccountAsync(id, stop.Token), stop);
                        }
                        foreach (var id in loops.Keys.Except(enabled).ToList())
                        {
                            await loops[id].Stop.CancelAsync();
                            loops[id].Stop.Dispose();
                            loops.Remove(id);
                        }
                    }
                    await signals.WaitAccountsChangedAsync(AccountRefresh, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    LogLoopFailed(logger, ex);
                    await Task.Delay(IdleWait, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            await Task.WhenAll(loops.Values.Select(l => l.Loop));
            foreach (var (_, stop) in loops.Values) stop.Dispose();
        }
    }

    private async Task RunAccountAsync(Guid accountId, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var (delivered, nextDue) = await DeliverDueAsync(accountId, ct);
                if (delivered > 0) continue;
                await signals.WaitOutboxAsync(accountId, nextDue ?? IdleWait, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(IdleWait, time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: returns how many actions settled, and when to look again if none did.</summary>
    public async Task<(int Settled, TimeSpan? NextDue)> DeliverDueAsync(Guid accountId, CancellationToken ct)
    {
        var owned = leases.Owned.ToList();
        if (owned.Count == 0) return (0, null);
        await using var db = dbs.Create();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await Due(db, accountId, owned, now, options.Value.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return (0, await NextDueAsync(db, accountId, owned, now, ct));

        if (platforms.Connector(due[0].Platform) is IInDatabaseConnector local)
            return await StageDueAsync(db, local, due, ct);

        var settled = 0;
        var accountFull = 0;
        var accountWaitTicks = 0L;
        await Parallel.ForEachAsync(
            due.GroupBy(o => (o.AccountId, o.ChatId)),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = ct },
            async (chat, token) =>
            {
                foreach (var action in chat)
                {
                    // The account's bucket is empty: the rest of the round would only be refused and rewritten.
                    if (Volatile.Read(ref accountFull) != 0) break;
                    var (outcome, wait) = await DeliverAsync(action, token);
                    if (outcome == Step.AccountFull)
                    {
                        Interlocked.Exchange(ref accountWaitTicks, wait.Ticks);
                        Interlocked.Exchange(ref accountFull, 1);
                        break;
                    }
                    if (outcome == Step.Settled) Interlocked.Increment(ref settled);
                    // A held-back action keeps the chat's later actions waiting: order within a chat holds.
                    if (outcome == Step.Wait) break;
                }
            });
        await db.SaveChangesAsync(CancellationToken.None);
        if (settled == 0 && accountFull != 0) return (0, TimeSpan.FromTicks(Math.Max(accountWaitTicks, TimeSpan.TicksPerMillisecond)));
        return (settled, settled > 0 ? null : TimeSpan.FromMilliseconds(50));
    }

    /// <summary>The account's actions due now, oldest first. A row is due only when no earlier row of its chat is still
    /// waiting (rate limit, backoff): otherwise a later message would overtake an earlier one.</summary>
    internal static IQueryable<OutboundAction> Due(AppDbContext db, Guid accountId, List<int> partitions, DateTime now, int limit) =>
        db.Outbox
            .Where(o => o.AccountId == accountId && o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now && partitions.Contains(o.Partition)
                        && !db.Outbox.Any(w => w.Status == OutboxStatus.Pending && w.AccountId == o.AccountId && w.ChatId == o.ChatId
                                               && w.Id < o.Id && w.NextAttemptAt > now))
            .OrderBy(o => o.Id)
            .Take(limit);

    /// <summary>A round of an in-database platform: the same rate limits and order as a remote one, and then every
    /// action the limits let through is written by the connector and marked, in one transaction; the delivered marks
    /// are one statement.</summary>
    private async Task<(int Settled, TimeSpan? NextDue)> StageDueAsync(AppDbContext db, IInDatabaseConnector connector,
        List<OutboundAction> due, CancellationToken ct)
    {
        var (staged, accountWait) = limits.AcquireInOrder(due, []);
        List<OutboundAction> delivered = [];
        await using (var tx = await db.BeginWriteAsync(CancellationToken.None))
        {
            var errors = staged.Count == 0 ? [] : await connector.WriteAsync(db, staged, fresh: false, CancellationToken.None);
            var now = time.GetUtcNow().UtcDateTime;
            for (var i = 0; i < staged.Count; i++)
            {
                if (errors[i] is { } error)
                {
                    settlement.Settle(staged[i], DeliveryResult.Permanent(error), now);
                    continue;
                }
                delivered.Add(staged[i]);
                db.Entry(staged[i]).State = EntityState.Detached;
            }
            var ids = delivered.Select(a => a.Id).ToList();
            var marked = ids.Count == 0 ? 0 : await db.Outbox.Where(o => ids.Contains(o.Id) && o.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OutboxStatus.Delivered).SetProperty(o => o.DeliveredAt, now)
                    .SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LastError, (string?)null), CancellationToken.None);
            // Another node (whose lease this was) delivered some meanwhile: its round wrote them; this one writes nothing.
            if (marked != ids.Count) throw new DbUpdateConcurrencyException($"{ids.Count - marked} of {ids.Count} actions were delivered by another node meanwhile.");
            // Rate-limited chats (next attempt moved) and dead letters.
            await db.SaveChangesAsync(CancellationToken.None);
            await tx.CommitAsync(CancellationToken.None);
        }
        if (delivered.Count > 0) await connector.AfterCommitAsync(delivered, ct);
        if (staged.Count == 0 && accountWait is { } full) return (0, TimeSpan.FromTicks(Math.Max(full.Ticks, TimeSpan.TicksPerMillisecond)));
        return (staged.Count, staged.Count > 0 ? null : TimeSpan.FromMilliseconds(50));
    }

    /// <returns><see cref="Step.Settled"/> when the rate limits let the action through now.</returns>
    private (Step Step, TimeSpan AccountWait) Acquire(OutboundAction action)
    {
        if (limits.TryAcquire(action, out var wait, out var accountLimited)) return (Step.Settled, TimeSpan.Zero);
        // Left untouched (still due): an account-wide wait says nothing about this chat.
        if (accountLimited) return (Step.AccountFull, wait);
        action.NextAttemptAt = time.GetUtcNow().UtcDateTime + wait;
        return (Step.Wait, TimeSpan.Zero);
    }

    private async Task<(Step Step, TimeSpan AccountWait)> DeliverAsync(OutboundAction action, CancellationToken ct)
    {
        var acquired = Acquire(action);
        if (acquired.Step != Step.Settled) return acquired;
        var connector = platforms.Connector(action.Platform);
        var result = connector is null
            ? DeliveryResult.Permanent($"No connector for platform {action.Platform} is configured.")
            : await SafeDeliverAsync(connector, action, ct);
        return (settlement.Settle(action, result, time.GetUtcNow().UtcDateTime) ? Step.Settled : Step.Wait, TimeSpan.Zero);
    }

    private static async Task<DeliveryResult> SafeDeliverAsync(IPlatformConnector connector, OutboundAction action, CancellationToken ct)
    {
        try
        {
            return await connector.DeliverAsync(action, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return DeliveryResult.Transient(ex.Message);
        }
    }

    private static async Task<TimeSpan?> NextDueAsync(AppDbContext db, Guid accountId, List<int> owned, DateTime now, CancellationToken ct)
    {
        var next = await db.Outbox.AsNoTracking()
            .Where(o => o.AccountId == accountId && o.Status == OutboxStatus.Pending && owned.Contains(o.Partition))
            .OrderBy(o => o.NextAttemptAt).Select(o => (DateTime?)o.NextAttemptAt).FirstOrDefaultAsync(ct);
        if (next is null) return null;
        var wait = next.Value - now;
        return wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait > IdleWait ? IdleWait : wait;
    }

    private enum Step
    {
        Settled,
        Wait,
        AccountFull,
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery loop failed")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
