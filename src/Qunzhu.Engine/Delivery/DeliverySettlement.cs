using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Delivery;

/// <summary>Records how a delivery went on the action: delivered, dead-lettered, or due again after a backoff. One place
/// for the dispatcher's rounds and for the engine's in-transaction deliveries.</summary>
public sealed partial class DeliverySettlement(RateLimiters limits, IOptions<DeliveryOptions> options, ILogger<DeliverySettlement> logger)
{
    /// <returns>False when the action will be tried again (its chat's later actions wait for it).</returns>
    public bool Settle(OutboundAction action, DeliveryResult result, DateTime now)
    {
        action.Attempts++;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Delivered:
                action.Status = OutboxStatus.Delivered;
                action.DeliveredAt = now;
                action.LastError = null;
                return true;
            case DeliveryOutcome.Permanent:
                action.Status = OutboxStatus.DeadLetter;
                action.LastError = result.Error;
                LogDeadLetter(logger, action.IdempotencyKey, action.Kind, result.Error);
                return true;
            default:
                action.LastError = result.Error;
                if (result.RetryAfter is { } retryAfter) limits.Backoff(action, retryAfter);
                if (action.Attempts >= options.Value.MaxAttempts)
                {
                    action.Status = OutboxStatus.DeadLetter;
                    LogDeadLetter(logger, action.IdempotencyKey, action.Kind, result.Error);
                    return true;
                }
                action.NextAttemptAt = now + Max(result.RetryAfter ?? TimeSpan.Zero, Backoff(action.Attempts));
                return false;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var delay = options.Value.FirstRetryDelay * Math.Pow(2, attempts - 1);
        return delay > options.Value.MaxRetryDelay ? options.Value.MaxRetryDelay : delay;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox action {Key} ({Kind}) dead-lettered: {Reason}")]
    private static partial void LogDeadLetter(ILogger logger, string key, BotActionKind kind, string? reason);
}
