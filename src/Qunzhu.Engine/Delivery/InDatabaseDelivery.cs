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
/// for the write gate per handful of replies). The same rules as the dispatcher's: the account is enabled, the chat has
/// nothing still waiting from before (order within a chat), and the rate limits let the action through now; anything else
/// stays pending, and the dispatcher delivers it as before.</summary>
public sealed partial class InDatabaseDelivery(PlatformCatalog platforms, RateLimiters limits, TimeProvider time, ILogger<InDatabaseDelivery> logger)
{
    /// <summary>Inside the batch's transaction, before its actions are written: delivers what it can (the connector writes
    /// its rows, and those actions are written as delivered or dead-lettered).</summary>
    /// <returns>What was delivered, for <see cref="AfterCommitAsync"/>.</returns>
    public async Task<Delivered> DeliverAsync(AppDbContext db, IReadOnlyList<OutboundAction> actions, CancellationToken ct)
    {
        var byConnector = actions.Select(a => (Action: a, Connector: platforms.Connector(a.Platform) as IInDatabaseConnector))
            .Where(a => a.Connector is not null).GroupBy(a => a.Connector!).ToList();
        if (byConnector.Count == 0) return Delivered.None;
        var candidates = byConnector.SelectMany(g => g.Select(a => a.Action)).ToList();
        var accounts = candidates.Select(a => a.AccountId).Distinct().ToList();
        var enabled = (await db.PlatformAccounts.AsNoTracking().Where(a => accounts.Contains(a.Id) && a.Enabled).Select(a => a.Id).ToListAsync(ct))
            .ToHashSet();
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
            List<OutboundAction> staged = [];
            foreach (var action in group.Select(a => a.Action))
            {
                var chat = (action.AccountId, action.ChatId);
                if (!enabled.Contains(action.AccountId) || held.Contains(chat)) continue;
                if (!limits.TryAcquire(action, out var wait, out var accountLimited))
                {
                    // As the dispatcher does: a chat over its limit is due again when it has a token; an account-wide wait
                    // says nothing about this chat.
                    if (!accountLimited) action.NextAttemptAt = now + wait;
                    held.Add(chat);
                    continue;
                }
                staged.Add(action);
            }
            if (staged.Count == 0) continue;
            var errors = await group.Key.WriteAsync(db, staged, ct);
            for (var i = 0; i < staged.Count; i++)
            {
                var action = staged[i];
                action.Attempts = 1;
                if (errors[i] is { } error)
                {
                    action.Status = OutboxStatus.DeadLetter;
                    action.LastError = error;
                    LogDeadLetter(logger, action.IdempotencyKey, action.Kind, error);
                    continue;
                }
                action.Status = OutboxStatus.Delivered;
                action.DeliveredAt = now;
                delivered.Add((group.Key, action));
            }
        }
        return new Delivered(delivered);
    }

    /// <summary>After the batch committed: what each platform does next (a removed member leaves the chat). A failure
    /// here is logged, not thrown: the batch and its deliveries are committed.</summary>
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox action {Key} ({Kind}) dead-lettered: {Reason}")]
    private static partial void LogDeadLetter(ILogger logger, string key, BotActionKind kind, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "What the platform does after a delivery failed")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception);
}
