using System.Collections.Concurrent;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Api.Tests.Broadcasts;

/// <summary>A platform that enforces its published limits the way Telegram does: a message beyond them is
/// refused with 429 and a retry-after, and counted as a violation. Limits are token buckets (burst, then a
/// rate) per chat and per account. The limiter takes its token a few instructions before this call, but on a loaded
/// 2-core host the thread can be descheduled in between for tens of milliseconds, which bunches sends that left the
/// limiter evenly spaced; a real platform sees the same from network jitter. So a window is allowed one token and
/// <see cref="Jitter"/> of slack: a limiter that ignored the limits would still exceed them by far more.</summary>
public sealed class RateLimitedPlatform(TimeProvider time, double perChatPerSecond, int perChatBurst, double perAccountPerSecond, int perAccountBurst)
    : IPlatformConnector
{
    public static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(100);
    private readonly Lock _lock = new();
    private readonly List<DateTimeOffset> _account = [];
    private readonly Dictionary<string, List<DateTimeOffset>> _chats = [];

    public PlatformKind Platform => PlatformKind.Bridge;

    public PlatformCapabilities Capabilities => PlatformCapabilities.Full;

    public ConcurrentDictionary<string, int> Delivered { get; } = new();

    public int Violations { get; private set; }

    public IReadOnlyList<DateTimeOffset> Accepted
    {
        get { lock (_lock) return [.. _account]; }
    }

    public Task<DeliveryResult> DeliverAsync(OutboundAction action, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var chat = _chats.TryGetValue(action.ChatId, out var c) ? c : _chats[action.ChatId] = [];
            if (Exceeds(chat, now, perChatPerSecond, perChatBurst) || Exceeds(_account, now, perAccountPerSecond, perAccountBurst))
            {
                Violations++;
                return Task.FromResult(DeliveryResult.Transient("429 Too Many Requests", TimeSpan.FromSeconds(1)));
            }
            chat.Add(now);
            _account.Add(now);
        }
        Delivered.AddOrUpdate(action.IdempotencyKey, 1, (_, n) => n + 1);
        return Task.FromResult(DeliveryResult.Delivered);
    }

    /// <summary>Would one more send now put more than burst + rate × (span + jitter) (+1 slack) into some span ending now?</summary>
    private static bool Exceeds(List<DateTimeOffset> sent, DateTimeOffset now, double rate, int burst)
    {
        for (var i = sent.Count - 1; i >= 0; i--)
        {
            var count = sent.Count - i + 1;
            if (count > burst + 1 + rate * (now - sent[i] + Jitter).TotalSeconds) return true;
        }
        return false;
    }
}
