using System.Text.RegularExpressions;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Connectors.Telegram;

/// <summary>The settings of a Telegram account and what they default to.</summary>
public static partial class TelegramSettings
{
    public const string BotToken = "botToken";
    public const string WebhookSecret = "webhookSecret";
    public const string ApiBaseUrl = "apiBaseUrl";
    public const string Mode = "mode";
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    public static string BaseUrl(AccountSettings settings) => (settings.Get(ApiBaseUrl) ?? DefaultApiBaseUrl).TrimEnd('/');

    public static bool IsPolling(AccountSettings settings) => string.Equals(settings.Get(Mode), "polling", StringComparison.Ordinal);

    /// <summary>The bot's numeric id: the part of the token before the colon.</summary>
    public static long? BotId(AccountSettings settings)
    {
        var token = settings.Get(BotToken);
        var colon = token?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && long.TryParse(token![..colon], out var id) ? id : null;
    }

    [GeneratedRegex(@"^\d{3,20}:[A-Za-z0-9_-]{20,100}$")]
    public static partial Regex TokenFormat();

    /// <summary>What Telegram accepts as secret_token: 1–256 characters A–Z, a–z, 0–9, _ and -.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    public static partial Regex SecretFormat();
}
