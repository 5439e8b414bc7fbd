using Microsoft.Extensions.Options;
using Qunzhu.Engine.Accounts;
using Telegram.Bot;

namespace Qunzhu.Connectors.Telegram;

/// <summary>The real Telegram.Bot client for one account, on a typed HttpClient from the factory with the
/// account's apiBaseUrl and an explicit timeout. The library's own 429 retry is off: the outbox retries,
/// durably and in chat order, after the retry_after Telegram asked for.</summary>
public sealed class TelegramClients(IHttpClientFactory http, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";
    public const string PollingHttpClientName = "telegram-polling";

    public ITelegramBotClient For(AccountSettings settings) => Create(settings, HttpClientName, options.Value.RequestTimeout);

    /// <summary>A client whose timeout outlasts a long poll.</summary>
    public ITelegramBotClient ForPolling(AccountSettings settings) =>
        Create(settings, PollingHttpClientName, TimeSpan.FromSeconds(options.Value.PollTimeoutSeconds) + options.Value.RequestTimeout);

    private TelegramBotClient Create(AccountSettings settings, string name, TimeSpan timeout)
    {
        var client = http.CreateClient(name);
        client.Timeout = timeout;
        return new TelegramBotClient(new TelegramBotClientOptions(settings.Require(TelegramSettings.BotToken), TelegramSettings.BaseUrl(settings))
        {
            RetryCount = 0,
        }, client);
    }
}
