using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Bridge;
using Qunzhu.Core.Pipeline;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.Bridge;

/// <summary>Actions waiting for pulling bridges. A pull leases each action it returns (a compare-and-set
/// update, so two pollers — or two server nodes — never both get it); at most one action per chat is out
/// at a time, so a chat's actions are performed in order. A lease that runs out offers the action again.</summary>
public sealed class BridgePullQueue(IAppDbContextFactory dbs, IOptions<BridgeOptions> options, TimeProvider time)
{
    private const int ScanLimit = 500;
    private static readonly TimeSpan HandOverWait = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<Guid, Channel<bool>> _signals = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastPull = new();

    /// <summary>When a bridge last pulled on this node (for "test connection").</summary>
    public DateTimeOffset? LastPull(Guid accountId) => _lastPull.TryGetValue(accountId, out var at) ? at : null;

    /// <summary>Idempotent on the outbox row: handing the same row over again queues nothing new.</summary>
    public async Task EnqueueAsync(OutboundAction action, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.BridgeQueue.FirstOrDefaultAsync(q => q.AccountId == action.AccountId && q.OutboxId == action.Id, ct);
        if (existing is not null)
        {
            // A failed action handed over again was retried by an operator: offer it again. Anything else is a
            // redelivery after a crash, already queued.
            if (existing.Status != BridgeQueueStatus.Failed) return;
            (existing.Status, existing.AvailableAt, existing.Retries, existing.CompletedAt) = (BridgeQueueStatus.Queued, now, 0, null);
            await db.SaveChangesAsync(ct);
            Signal(action.AccountId);
            return;
        }
        db.BridgeQueue.Add(new BridgeQueuedAction
        {
            WorkspaceId = action.WorkspaceId,
            AccountId = action.AccountId,
            OutboxId = action.Id,
            IdempotencyKey = action.IdempotencyKey,
            ChatId = action.ChatId,
            Payload = JsonSerializer.Serialize(BridgeActions.From(action), BridgeJson.Options),
            AvailableAt = now,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        Signal(action.AccountId);
    }

    /// <summary>Leases up to <paramref name="max"/> actions, waiting up to <paramref name="wait"/> for the first.</summary>
    public async Task<IReadOnlyList<BridgeAction>> LeaseAsync(Guid accountId, int max, TimeSpan wait, CancellationToken ct)
    {
        _lastPull[accountId] = time.GetUtcNow();
        var deadline = time.GetUtcNow() + (wait < options.Value.MaxWait ? wait : options.Value.MaxWait);
        var signal = _signals.GetOrAdd(accountId, _ => NewSignal());
        while (true)
        {
            var leased = await TryLeaseAsync(accountId, max, ct);
            var left = deadline - time.GetUtcNow();
            if (leased.Count > 0 || left <= TimeSpan.Zero) return leased;
            // Woken at once by actions queued on this node; actions queued by other nodes are found by polling.
            using var timer = new CancellationTokenSource(left < options.Value.PullPollInterval ? left : options.Value.PullPollInterval, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
            try
            {
                await signal.Reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Poll again.
            }
        }
    }

    private async Task<IReadOnlyList<BridgeAction>> TryLeaseAsync(Guid accountId, int max, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var now = time.GetUtcNow().UtcDateTime;
        var open = await db.BridgeQueue.AsNoTracking()
            .Where(q => q.AccountId == accountId && (q.Status == BridgeQueueStatus.Queued || q.Status == BridgeQueueStatus.Leased))
            .OrderBy(q => q.Id).Take(ScanLimit).ToListAsync(ct);
        var offered = open.GroupBy(q => q.ChatId, StringComparer.Ordinal).Select(chat => chat.First())
            .Where(q => q.Status == BridgeQueueStatus.Queued ? q.AvailableAt <= now : q.LeaseExpiresAt < now)
            .OrderBy(q => q.Id).Take(max).ToList();

        var until = now + options.Value.LeaseDuration;
        var leased = new List<BridgeAction>();
        foreach (var q in offered)
        {
            // Compare-and-set: the update only applies if nobody leased or settled it since we read it.
            var won = await db.BridgeQueue
                .Where(r => r.Id == q.Id && r.Status == q.Status && r.Pulls == q.Pulls)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, BridgeQueueStatus.Leased)
                    .SetProperty(r => r.LeaseExpiresAt, until)
                    .SetProperty(r => r.Pulls, q.Pulls + 1), ct);
            if (won == 1)
                leased.Add(JsonSerializer.Deserialize<BridgeAction>(q.Payload, BridgeJson.Options)! with { LeaseExpiresAt = new DateTimeOffset(until, TimeSpan.Zero) });
        }
        return leased;
    }

    /// <summary>Records a bridge's result. A failure (or too many retries) dead-letters the outbox row, so it shows
    /// among the account's delivery errors. Settling an action twice changes nothing.</summary>
    public async Task<BridgeResultOutcome> CompleteAsync(Guid accountId, long outboxId, BridgeActionResult result, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var q = await db.BridgeQueue.FirstOrDefaultAsync(r => r.AccountId == accountId && r.OutboxId == outboxId, ct);
        if (q is null) return BridgeResultOutcome.NotFound;
        if (q.Status is BridgeQueueStatus.Done or BridgeQueueStatus.Failed) return BridgeResultOutcome.AlreadyCompleted;
        var now = time.GetUtcNow().UtcDateTime;
        q.Error = result.Error is { Length: > 1000 } e ? e[..1000] : result.Error;
        q.LeaseExpiresAt = null;
        switch (result.Status)
        {
            case BridgeActionResult.DoneStatus:
                q.Status = BridgeQueueStatus.Done;
                q.CompletedAt = now;
                break;
            case BridgeActionResult.RetryStatus when q.Retries + 1 < options.Value.MaxRetries:
                q.Retries++;
                q.Status = BridgeQueueStatus.Queued;
                q.AvailableAt = now + TimeSpan.FromSeconds(Math.Clamp(result.RetryAfterSeconds ?? Math.Pow(2, q.Retries), 0, 3600));
                break;
            default:
                q.Status = BridgeQueueStatus.Failed;
                q.CompletedAt = now;
                await DeadLetterAsync(db, accountId, outboxId, $"The bridge reported: {q.Error ?? result.Status}", ct);
                break;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return BridgeResultOutcome.AlreadyCompleted;
        }
        if (q.Status == BridgeQueueStatus.Queued) Signal(accountId);
        return BridgeResultOutcome.Recorded;
    }

    /// <summary>Marks the outbox row failed. The dispatcher saves "delivered" just after the hand-over, and a quick
    /// bridge can report before that: wait (briefly, bounded) for the row to say delivered, so the failure is not overwritten.</summary>
    private async Task DeadLetterAsync(AppDbContext db, Guid accountId, long outboxId, string reason, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var changed = await db.Outbox.Where(o => o.Id == outboxId && o.AccountId == accountId && o.Status != OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.DeadLetter).SetProperty(o => o.LastError, reason), ct);
            if (changed > 0 || !await db.Outbox.AnyAsync(o => o.Id == outboxId && o.AccountId == accountId && o.Status == OutboxStatus.Pending, ct)) return;
            await Task.Delay(HandOverWait, time, ct);
        }
    }

    private void Signal(Guid accountId) => _signals.GetOrAdd(accountId, _ => NewSignal()).Writer.TryWrite(true);

    private static Channel<bool> NewSignal() =>
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
}

public enum BridgeResultOutcome
{
    Recorded,
    AlreadyCompleted,
    NotFound,
}
