using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Pipeline;

namespace Qunzhu.Engine.Delivery;

/// <summary>Token buckets per account and per chat, with each platform's limits from configuration.</summary>
public sealed class RateLimiters(IOptions<DeliveryOptions> options, TimeProvider time)
{
    private static readonly RateLimit Unlimited = new() { PerChatPerSecond = 1000, PerChatBurst = 1000, PerAccountPerSecond = 100_000, PerAccountBurst = 100_000 };
    private readonly ConcurrentDictionary<Guid, TokenBucket> _accounts = new();
    private readonly ConcurrentDictionary<(Guid, string), TokenBucket> _chats = new();
    private readonly ConcurrentDictionary<(Guid, string), SlidingWindowLimit> _chatMinutes = new();

    /// <summary>Takes one token from the chat's per-second bucket, the chat's per-minute window (where the
    /// platform has one) and the account's bucket, or from none of them.</summary>
    public bool TryAcquire(OutboundAction action, out TimeSpan wait) => TryAcquire(action, out wait, out _);

    /// <param name="accountLimited">The account's bucket was empty: every other chat of the account would be refused too.</param>
    public bool TryAcquire(OutboundAction action, out TimeSpan wait, out bool accountLimited)
    {
        accountLimited = false;
        var now = time.GetUtcNow();
        var limit = options.Value.RateLimits.GetValueOrDefault(action.Platform.ToString()) ?? Unlimited;
        var key = (action.AccountId, action.ChatId);
        var chat = _chats.GetOrAdd(key, _ => new TokenBucket(limit.PerChatPerSecond, limit.PerChatBurst, now));
        if (!chat.TryTake(now, out wait)) return false;
        var minute = limit.PerChatPerMinute is { } perMinute
            ? _chatMinutes.GetOrAdd(key, _ => new SlidingWindowLimit(perMinute, TimeSpan.FromMinutes(1)))
            : null;
        if (minute is not null && !minute.TryTake(now, out wait))
        {
            chat.Return();
            return false;
        }
        var account = _accounts.GetOrAdd(action.AccountId, _ => new TokenBucket(limit.PerAccountPerSecond, limit.PerAccountBurst, now));
        if (account.TryTake(now, out wait)) return true;
        accountLimited = true;
        chat.Return();
        minute?.Return();
        return false;
    }

    /// <summary>A round of actions, in order: each takes its tokens, or its chat is held back from then on (order within a
    /// chat), due again when its bucket has a token (<see cref="OutboundAction.NextAttemptAt"/>). An empty account bucket
    /// ends the round: every other chat of the account would be refused too.</summary>
    /// <param name="held">Chats whose actions must wait (an earlier one is still pending); the round adds the chats it refuses.</param>
    /// <returns>The actions that may go now, and how long the account must wait when its bucket ran empty.</returns>
    public (List<OutboundAction> Granted, TimeSpan? AccountWait) AcquireInOrder(IEnumerable<OutboundAction> actions,
        HashSet<(Guid AccountId, string ChatId)> held)
    {
        List<OutboundAction> granted = [];
        foreach (var action in actions)
        {
            var chat = (action.AccountId, action.ChatId);
            if (held.Contains(chat)) continue;
            if (TryAcquire(action, out var wait, out var accountLimited))
            {
                granted.Add(action);
                continue;
            }
            // Left untouched (still due): an account-wide wait says nothing about this chat.
            if (accountLimited) return (granted, wait);
            action.NextAttemptAt = time.GetUtcNow().UtcDateTime + wait;
            held.Add(chat);
        }
        return (granted, null);
    }

    /// <summary>The platform answered "too many requests": hold the chat back for the time it asked.</summary>
    public void Backoff(OutboundAction action, TimeSpan retryAfter)
    {
        if (_chats.TryGetValue((action.AccountId, action.ChatId), out var chat)) chat.Drain(time.GetUtcNow(), retryAfter);
    }
}
