using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    public static IServiceCollection AddSandboxConnector(this IServiceCollection services)
    {
        services.AddSingleton<SandboxConnector>();
        services.AddSingleton<IPlatformConnector>(sp => sp.GetRequiredService<SandboxConnector>());
        services.AddSingleton<IEventNormalizer, SandboxNormalizer>();
        return services;
    }
}
