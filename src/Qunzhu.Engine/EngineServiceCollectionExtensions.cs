using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Qunzhu.Core.Moderation;
using Qunzhu.Engine.Accounts;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Content;
using Qunzhu.Engine.Delivery;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Engine.Modules;
using Qunzhu.Engine.Processing;
using Qunzhu.Engine.Scheduling;
using Qunzhu.Engine.Sops;
using Qunzhu.Storage;

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
        // Account secrets are encrypted with keys kept in the database: every node on one PostgreSQL shares them.
        services.AddDataProtection().SetApplicationName("Qunzhu").PersistKeysToDbContext<AppDbContext>();
        services.AddSingleton<AccountSecrets>();
        services.AddSingleton<IAccountSettingsProvider, AccountSettingsProvider>();
        services.AddSingleton<PlatformAccountTypes>();
        services.AddSingleton<AccountActivity>();
        services.AddSingleton<ConfigCache>();
        services.AddSingleton<ModerationListsCache>();
        services.AddSingleton<IdentityCache>();
        services.AddSingleton<FloodTracker>();
        services.AddSingleton<PlatformCatalog>();
        services.AddSingleton<ActionRouter>();
        services.AddSingleton<RateLimiters>();

        services.AddSingleton<ModerationModule>();
        services.AddSingleton<WelcomeModule>();
        services.AddSingleton<CheckInModule>();
        services.AddSingleton<AutoReplyModule>();
        services.AddSingleton<SopModule>();
        services.AddSingleton<ModulePipeline>();
        services.AddSingleton<EventEngine>();
        services.AddSingleton<IJobHandler, WelcomeJobHandler>();
        services.AddSingleton<BroadcastPlanner>();
        services.AddSingleton<BroadcastFeeder>();
        services.AddSingleton<IJobHandler, BroadcastOccurrenceHandler>();
        services.AddSingleton<IJobHandler, BroadcastStepHandler>();
        services.AddOptions<SopOptions>().BindConfiguration(SopOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SopEnroller>();
        services.AddSingleton<TopicPicker>();
        services.AddSingleton<SopStepRunner>();
        services.AddSingleton<IJobHandler, SopStepHandler>();

        services.AddSingleton<InboxWriter>();
        services.AddSingleton<IInboxWriter>(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<PartitionLeases>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<Scheduler>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<DeliverySettlement>();
        services.AddSingleton<InDatabaseDelivery>();
        return services;
    }

    /// <summary>Starts the workers; register after the start-up phases, so none runs against an old schema.</summary>
    public static IServiceCollection AddQunzhuWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        // Data Protection preloads its key ring in a hosted service; the keys live in the database, so that
        // has to wait for the migration too: move it behind the start-up phases.
        var preload = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService");
        if (preload is not null)
        {
            services.Remove(preload);
            services.Add(preload);
        }
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
