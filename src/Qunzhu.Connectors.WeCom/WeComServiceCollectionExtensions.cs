using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.FollowUps;
using Qunzhu.Connectors.WeCom.Groups;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.WeCom;

public static class WeComServiceCollectionExtensions
{
    /// <summary>The WeCom connector: account type, webhook services, API client, follow-up step, delivery.
    /// Map the webhooks with <see cref="Callbacks.WeComWebhooks.MapWeComWebhooks"/>.</summary>
    public static IServiceCollection AddWeComConnector(this IServiceCollection services)
    {
        services.AddSingleton<WeComTokenCache>();
        // Singletons hold the client, so connections are recycled by the handler instead of by the factory.
        services.AddHttpClient<WeComApiClient>(h => h.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // WeCom takes access_token and corpsecret in the query string: keep request URLs out of the logs.
            .RemoveAllLoggers()
            .AddStandardResilienceHandler(o =>
            {
                // WeCom answers errors with HTTP 200 and an errcode (handled by the client); this only retries
                // network failures and 5xx, and never a POST: add_msg_template twice would be two broadcasts.
                o.Retry.DisableForUnsafeHttpMethods();
                o.Retry.MaxRetryAttempts = 2;
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(25);
            });
        services.AddSingleton<WeComAccounts>();
        services.AddSingleton<WeComGroupState>();
        services.AddSingleton<WeComWelcome>();
        services.AddSingleton<Contacts.WeComContacts>();
        services.AddSingleton<WeComFollowUpSignal>();
        services.AddSingleton<WeComFollowUpRunner>();
        services.AddSingleton<WeComFollowUpWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WeComFollowUpWorker>());
        services.AddTransient<WeComGroupSync>();
        services.AddTransient<WeComJoinWays>();
        services.AddTransient<WeComGroupMessages>();
        services.AddOptions<WeComGroupMessageOptions>().BindConfiguration(WeComGroupMessageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<WeComGroupMessageRefresher>();
        services.AddSingleton<WeComConnector>();
        services.AddSingleton<IPlatformConnector>(sp => sp.GetRequiredService<WeComConnector>());
        services.AddSingleton<IEventNormalizer, WeComNormalizer>();
        services.AddSingleton<IPlatformAccountType, WeComAccountType>();
        return services;
    }
}
