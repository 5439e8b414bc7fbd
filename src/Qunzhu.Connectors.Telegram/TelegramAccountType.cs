using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Qunzhu.Connectors.Telegram;

/// <summary>Telegram accounts: a bot token, a webhook secret (webhook mode) or long polling, and the Bot API
/// address. Saving in webhook mode registers the webhook with Telegram; polling mode removes it (Telegram
/// refuses getUpdates while a webhook is set).</summary>
public sealed class TelegramAccountType(TelegramClients clients) : IPlatformAccountType, IPlatformAccountSetup
{
    /// <summary>The updates Qunzhu asks for. chat_member is only sent when asked for explicitly.</summary>
    public static readonly UpdateType[] AllowedUpdates =
        [UpdateType.Message, UpdateType.ChatMember, UpdateType.MyChatMember, UpdateType.ChatJoinRequest, UpdateType.PollAnswer];

    public PlatformKind Platform => PlatformKind.Telegram;

    public IReadOnlyList<AccountSettingField> Fields { get; } =
    [
        new(TelegramSettings.BotToken, Secret: true, Required: true,
            "机器人令牌：在 Telegram 中找 @BotFather，/newbot 创建机器人后得到，形如 123456:ABC-DEF…",
            "The bot token from @BotFather (/newbot), like 123456:ABC-DEF…"),
        new(TelegramSettings.WebhookSecret, Secret: true, Required: false,
            "Webhook 密钥（webhook 模式必填）：自拟 1–256 位字母、数字、_ 或 -；Telegram 每次推送都会带上它",
            "Webhook secret (required in webhook mode): 1–256 letters, digits, _ or -, chosen by you; Telegram sends it with every update"),
        new(TelegramSettings.Mode, Secret: false, Required: false,
            "接收方式：webhook（需要公网 HTTPS 地址）或 polling（长轮询，无需公网地址），默认 webhook",
            "How updates arrive: webhook (needs a public HTTPS address) or polling (long polling, no public address); default webhook"),
        new(TelegramSettings.ApiBaseUrl, Secret: false, Required: false,
            "Bot API 地址，默认 https://api.telegram.org；使用自建 Bot API 服务器或代理时修改",
            "Bot API address, default https://api.telegram.org; change it for a local Bot API server or a proxy"),
    ];

    public string? Validate(AccountSettings settings)
    {
        if (!TelegramSettings.TokenFormat().IsMatch(settings.Require(TelegramSettings.BotToken)))
            return "botToken does not look like a Telegram bot token (digits, a colon, then at least 20 letters, digits, _ or -). Copy it from @BotFather.";
        var mode = settings.Get(TelegramSettings.Mode) ?? "webhook";
        if (mode is not ("webhook" or "polling")) return $"mode must be webhook or polling, not '{mode}'.";
        if (settings.Get(TelegramSettings.ApiBaseUrl) is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            return "apiBaseUrl must be an absolute http or https URL, e.g. https://api.telegram.org.";
        var secret = settings.Get(TelegramSettings.WebhookSecret);
        if (mode == "webhook" && secret is null) return "webhookSecret is required in webhook mode: Telegram sends it with every update so Qunzhu can tell it is Telegram.";
        if (secret is not null && !TelegramSettings.SecretFormat().IsMatch(secret))
            return "webhookSecret may only contain letters, digits, _ and - (1–256 characters).";
        return null;
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(PlatformAccount account, AccountSettings settings, CancellationToken ct)
    {
        try
        {
            var me = await clients.For(settings).GetMe(ct);
            return ConnectionTestResult.Success($"Connected as @{me.Username} ({me.FirstName}, id {me.Id}).");
        }
        catch (ApiRequestException e)
        {
            return ConnectionTestResult.Failure($"Telegram answered {e.ErrorCode}: {e.Message}" + (e.ErrorCode == 401 ? " Check the bot token." : ""));
        }
        catch (RequestException)
        {
            return ConnectionTestResult.Failure($"Telegram could not be reached at {TelegramSettings.BaseUrl(settings)}.");
        }
    }

    public async Task<ConnectionTestResult?> ApplyAsync(PlatformAccount account, AccountSettings settings, Uri webhookUrl, CancellationToken ct)
    {
        var bot = clients.For(settings);
        try
        {
            if (TelegramSettings.IsPolling(settings))
            {
                await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct);
                return ConnectionTestResult.Success("Polling mode: any webhook was removed; Qunzhu now fetches updates with getUpdates.");
            }
            await bot.SetWebhook(webhookUrl.ToString(), allowedUpdates: AllowedUpdates,
                secretToken: settings.Require(TelegramSettings.WebhookSecret), cancellationToken: ct);
            return ConnectionTestResult.Success($"Webhook set to {webhookUrl}.");
        }
        catch (ApiRequestException e)
        {
            return ConnectionTestResult.Failure($"Telegram refused ({e.ErrorCode}): {e.Message}");
        }
        catch (RequestException)
        {
            return ConnectionTestResult.Failure($"Telegram could not be reached at {TelegramSettings.BaseUrl(settings)}.");
        }
    }
}
