using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.Bridge;

public static class BridgeServiceCollectionExtensions
{
    /// <summary>The Bridge connector: account type, normalizer, delivery (push over a typed HttpClient with an
    /// explicit timeout, or a pull queue), and the webhook's request gate. Map the endpoints with
    /// <see cref="BridgeWebhooks.MapBridgeWebhooks"/>.</summary>
    public static IServiceCollection AddBridgeConnector(this IServiceCollection services)
    {
        services.AddOptions<BridgeOptions>().BindConfiguration(BridgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // No resilience handler: the outbox already retries with backoff and honours Retry-After, and a second
        // retry layer would multiply attempts against a bridge that asked us to slow down.
        services.AddHttpClient<BridgeHttpClient>((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<BridgeOptions>>().Value.Timeout);
        services.AddSingleton<BridgeSettingsReader>();
        services.AddSingleton<BridgePullQueue>();
        services.AddSingleton<BridgeRequestGate>();
        services.AddSingleton<BridgeConnector>();
        services.AddSingleton<IPlatformConnector>(sp => sp.GetRequiredService<BridgeConnector>());
        services.AddSingleton<IEventNormalizer, BridgeNormalizer>();
        services.AddSingleton<IPlatformAccountType, BridgeAccountType>();
        return services;
    }
}
