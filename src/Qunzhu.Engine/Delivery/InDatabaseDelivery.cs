using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Delivery;

/// <summary>Delivers an engine batch's actions for a platform whose delivery is rows in this database (the sandbox) inside
/// the batch's own transaction, instead of leaving them to the next dispatcher round: the reply commits with the event
/// that caused it, one write and one hop fewer (the dispatcher's round was a query, a transaction of its own and a wait
/// for the write gate per handful of replies). The same rules as the dispatcher's: the chat has nothing still waiting from
/// before (order within a chat), and the rate limits let the action through now; anything else stays pending, and the
/// dispatcher delivers it as before. (The dispatcher also skips disabled accounts; the sandbox's cannot be disabled, so
/// no query per batch asks.)</summary>
public sealed partial class InDatabaseDelivery(PlatformCatalog platforms, RateLimiters limits, DeliverySettlement settlement, TimeProvider time,
    ILogger<InDatabaseDelivery> logger)
{
    /// <summary>Inside the batch's transaction, before its actions are written: delivers what it can (the connector writes
    /// its rows, and those actions are written as delivered or dead-lettered).</summary>
    /// <returns>What was delivered, for <see cref="AfterCommitAsync"/>.</returns>
    public async Task<Delivered> DeliverAsync(AppDbContext db, IReadOnlyList<OutboundAction> actions, CancellationToken ct)
    {
        var byConnector = actions.Select(a => (Action: a, Connector: platforms.Connector(a.Platform) as IInDatabaseConnector))
            .Where(a => a.Connector is not null).GroupBy(a => a.Connector!, a => a.Action).ToList();
        if (byConnector.Count == 0) return Delivered.None;
        var candidates = byConnector.SelectMany(g => g).ToList();
        var accounts = candidates.Select(a => a.AccountId).Distinct().ToList();
        var chats = candidates.Select(a => a.ChatId).Distinct().ToList();
        // A chat with an action still waiting (rate limit, backoff) keeps its order: this batch's go after it, by the dispatcher.
        var held = (await db.Outbox.AsNoTracking()
                .Where(o => o.Status == OutboxStatus.Pending && accounts.Contains(o.AccountId) && chats.Contains(o.ChatId))
                .Select(o => new { o.AccountId, o.ChatId }).Distinct().ToListAsync(ct))
            .Select(o => (o.AccountId, o.ChatId)).ToHashSet();

        var now = time.GetUtcNow().UtcDateTime;
        List<(IInDatabaseConnector Connector, OutboundAction Action)> delivered = [];
        foreach (var group in byConnector)
        {
            var (staged, _) = limits.AcquireInOrder(group, held);
            if (staged.Count == 0) continue;
            var errors = await group.Key.WriteAsync(db, staged, fresh: true, ct);
            for (var i = 0; i < staged.Count; i++)
            {
                settlement.Settle(staged[i], errors[i] is { } error ? DeliveryResult.Permanent(error) : DeliveryResult.Delivered, now);
                if (errors[i] is null) delivered.Add((group.Key, staged[i]));
            }
        }
        return new Delivered(delivered);
    }

    /// <summary>After the batch committed: each connector's after-commit step (waking the processing of what its write
    /// stored, such as a removed member's leave). A failure here is logged, not thrown: the batch and its deliveries are
    /// committed.</summary>
    public async Task AfterCommitAsync(Delivered delivered, CancellationToken ct)
    {
        foreach (var group in delivered.Actions.GroupBy(d => d.Connector))
        {
            try
            {
                await group.Key.AfterCommitAsync([.. group.Select(d => d.Action)], ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFollowUpFailed(logger, ex);
            }
        }
    }

    /// <summary>The actions a batch delivered, with their connectors.</summary>
    public sealed record Delivered(IReadOnlyList<(IInDatabaseConnector Connector, OutboundAction Action)> Actions)
    {
        public static readonly Delivered None = new([]);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "What the platform does after a delivery failed")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception);
}
