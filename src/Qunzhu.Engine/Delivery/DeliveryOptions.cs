using System.ComponentModel.DataAnnotations;

namespace Qunzhu.Engine.Delivery;

/// Settings of outbox delivery, section "Delivery".
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// Chats delivered to at once.
    [Range(1, 256)]
    public int Parallelism { get; set; } = 32;

    /// Rate limits per platform (messages per second per chat and per account), by platform name.
    public Dictionary<string, RateLimit> RateLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Sandbox"] = new RateLimit { PerChatPerSecond = 20, PerChatBurst = 20, PerAccountPerSecond = 10_000, PerAccountBurst = 10_000 },
        ["Telegram"] = new RateLimit { PerChatPerSecond = 1, PerChatBurst = 1, PerChatPerMinute = 20, PerAccountPerSecond = 30, PerAccountBurst = 30 },
    };
}

public sealed class RateLimit
{
    public double PerChatPerSecond { get; set; } = 1;
    public int PerChatBurst { get; set; } = 1;
    /// <summary>At most this many per chat in any minute (e.g. Telegram: 20 per group); null for no such limit.</summary>
    public int? PerChatPerMinute { get; set; }
    public double PerAccountPerSecond { get; set; } = 30;
    public int PerAccountBurst { get; set; } = 30;
}
