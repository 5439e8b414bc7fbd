using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qunzhu.Core.Moderation;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Content;
using Qunzhu.Engine.Delivery;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Engine.Modules;
using Qunzhu.Engine.Processing;
using Qunzhu.Engine.Scheduling;

namespace Qunzhu.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>The pipeline: inbox writer, partitioned ordered processing with the modules, scheduler,
    /// outbox delivery. Connectors are added separately; the store must be registered already.</summary>
    public static IServiceCollection AddQunzhuEngine(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMediaStore, LocalMediaStore>();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<EngineSignals>();
        services.AddSingleton<ConfigCache>();
        services.AddSingleton<ModerationListsCache>();
        services.AddSingleton<FloodTracker>();
        services.AddSingleton<PlatformCatalog>();
        services.AddSingleton<ActionRouter>();
        services.AddSingleton<RateLimiters>();

        services.AddSingleton<ModerationModule>();
        services.AddSingleton<WelcomeModule>();
        services.AddSingleton<CheckInModule>();
        services.AddSingleton<AutoReplyModule>();
        services.AddSingleton<ModulePipeline>();
        services.AddSingleton<EventEngine>();
        services.AddSingleton<IJobHandler, WelcomeJobHandler>();
        services.AddSingleton<BroadcastPlanner>();
        services.AddSingleton<BroadcastFeeder>();
        services.AddSingleton<IJobHandler, BroadcastOccurrenceHandler>();
        services.AddSingleton<IJobHandler, BroadcastStepHandler>();

        services.AddSingleton<InboxWriter>();
        services.AddSingleton<IInboxWriter>(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<PartitionLeases>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<Scheduler>();
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }

    /// <summary>Starts the workers; register after the start-up phases, so none runs against an old schema.</summary>
    public static IServiceCollection AddQunzhuWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        // An ingest-only node (Engine:ProcessEvents=false) stores events and leaves processing to others.
        if (!configuration.GetValue(EngineOptions.Section + ":" + nameof(EngineOptions.ProcessEvents), true)) return services;
        services.AddHostedService(sp => sp.GetRequiredService<PartitionLeases>());
        services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
