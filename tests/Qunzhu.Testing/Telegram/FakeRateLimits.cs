namespace Qunzhu.Testing.Telegram;

/// <summary>The limits Telegram documents for bots, enforced on sendMessage: one message a second per chat,
/// 20 a minute per group, 30 a second per bot. A tolerance stands for the jitter between Qunzhu's limiter
/// granting a send and the request arriving here (HTTP over loopback, on a CI host that may be running a dozen
/// other processes on 2 cores: 100 ms was exceeded once); real Telegram is not exact either. A limiter that did
/// not pace at all would still send several messages within milliseconds and be caught.</summary>
public sealed class FakeRateLimits
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(250);
    private readonly Dictionary<string, List<DateTimeOffset>> _byChat = [];
    private readonly List<DateTimeOffset> _all = [];
    private readonly Lock _lock = new();

    public int PerGroupPerMinute { get; set; } = 20;

    /// <returns>Null when allowed (and counted); else the seconds to wait.</returns>
    public int? TryCount(string chatId, DateTimeOffset now)
    {
        lock (_lock)
        {
            var sent = _byChat.TryGetValue(chatId, out var list) ? list : _byChat[chatId] = [];
            if (sent.Count > 0 && now - sent[^1] < TimeSpan.FromSeconds(1) - Tolerance) return 1;
            var lastMinute = sent.Where(t => now - t < TimeSpan.FromMinutes(1) - Tolerance).ToList();
            if (chatId.StartsWith('-') && lastMinute.Count >= PerGroupPerMinute)
                return Math.Max(1, (int)Math.Ceiling((lastMinute[0] + TimeSpan.FromMinutes(1) - now).TotalSeconds));
            if (_all.Count(t => now - t < TimeSpan.FromSeconds(1) - Tolerance) >= 30) return 1;
            sent.Add(now);
            _all.Add(now);
            return null;
        }
    }
}
