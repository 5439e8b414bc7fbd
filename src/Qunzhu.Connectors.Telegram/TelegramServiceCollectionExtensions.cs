using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Engine.Invites;

namespace Qunzhu.Connectors.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>The Telegram account type, webhook inbox, normalizer, delivery, invite links and the poller
    /// (off with Telegram:Polling=false, e.g. on all nodes but one).</summary>
    public static IServiceCollection AddTelegramConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // No request logging: the Bot API puts the token in the URL path, and the default handlers log the URL.
        services.AddHttpClient(TelegramClients.HttpClientName).RemoveAllLoggers();
        services.AddHttpClient(TelegramClients.PollingHttpClientName).RemoveAllLoggers();
        services.AddSingleton<TelegramClients>();
        services.AddSingleton<TelegramInbox>();
        services.AddSingleton<TelegramAccountType>();
        services.AddSingleton<IPlatformAccountType>(sp => sp.GetRequiredService<TelegramAccountType>());
        services.AddSingleton<IEventNormalizer, TelegramNormalizer>();
        services.AddSingleton<TelegramPhotos>();
        services.AddSingleton<TelegramConnector>();
        services.AddSingleton<IPlatformConnector>(sp => sp.GetRequiredService<TelegramConnector>());
        services.AddSingleton<IInviteLinkIssuer, TelegramInviteLinks>();
        if (configuration.GetValue($"{TelegramOptions.Section}:Polling", true)) services.AddHostedService<TelegramPoller>();
        return services;
    }
}
