using Qunzhu.Core.Platforms;
using Telegram.Bot.Exceptions;

namespace Qunzhu.Connectors.Telegram;

/// <summary>What a Bot API error means for the outbox: 429 waits the retry_after Telegram asked for; 5xx
/// tries again; 400 (bad request, message gone) and 403 (bot kicked or not admin) cannot succeed by retrying.</summary>
public static class TelegramErrors
{
    public static DeliveryResult Map(ApiRequestException error)
    {
        var description = $"{error.ErrorCode} {error.Message}";
        if (error.ErrorCode == 429)
        {
            var retryAfter = error.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(1);
            return DeliveryResult.Transient(description, retryAfter);
        }
        return error.ErrorCode >= 500 ? DeliveryResult.Transient(description) : DeliveryResult.Permanent(description);
    }
}
