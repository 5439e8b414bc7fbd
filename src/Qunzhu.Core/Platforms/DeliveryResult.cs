namespace Qunzhu.Core.Platforms;

/// <summary>What a platform said about one delivery attempt.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered);
    public static DeliveryResult Transient(string error, TimeSpan? retryAfter = null) => new(DeliveryOutcome.Transient, error, retryAfter);
    public static DeliveryResult Permanent(string error) => new(DeliveryOutcome.Permanent, error);
}

public enum DeliveryOutcome
{
    /// <summary>The platform accepted the action.</summary>
    Delivered,
    /// <summary>Try again later (rate limit, 5xx, timeout).</summary>
    Transient,
    /// <summary>Retrying cannot help (chat gone, bot removed, bad request).</summary>
    Permanent,
}
