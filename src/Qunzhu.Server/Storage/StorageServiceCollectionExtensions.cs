using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;
using Qunzhu.Storage.Postgres;
using Qunzhu.Storage.Sqlite;

namespace Qunzhu.Server.Storage;

public static class StorageServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=data/qunzhu.db";

    /// <summary>The configured store: pooled context factories for workers, a scoped context for endpoints.</summary>
    public static IServiceCollection AddQunzhuStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString("Qunzhu");
        if (string.IsNullOrWhiteSpace(connectionString)) connectionString = DefaultConnectionString;
        services.AddSingleton(options);
        // The contexts write audit rows for changes made inside an audit scope; the storage needs it on its own too
        // (tools and storage tests build just this).
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditInterceptor>();

        if (options.IsPostgres)
        {
            services.AddPooledDbContextFactory<PostgresAppDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddSingleton<IAppDbContextFactory, AppDbContextFactory<PostgresAppDbContext>>();
        }
        else
        {
            EnsureDirectory(connectionString);
            var gate = new SqliteWriteGate();
            // Hot-path writes run on one long-lived connection (warm page cache); an in-memory database has no second connection.
            // Made by the container, so the container closes it when the host stops.
            if (IsFile(connectionString)) services.AddSingleton(_ => new SqliteSingleWriter(connectionString, gate));
            services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString,
                    // A list in a query (Contains) is bound as one JSON parameter, not one parameter per element: SQLite
                    // finds each named parameter by a linear search, so binding the engine's lists of a thousand was quadratic.
                    sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors([new SqlitePragmas(), gate, .. sp.GetServices<SqliteSingleWriter>(), sp.GetRequiredService<AuditInterceptor>()]));
            services.AddSingleton<IAppDbContextFactory, AppDbContextFactory<SqliteAppDbContext>>();
            services.AddHostedService(sp => new SqliteCheckpointer(connectionString, gate, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SqliteCheckpointer>>()));
            // One writer: a loop per partition only queues more transactions behind the gate. One loop, larger batches.
            services.PostConfigure<Engine.EngineOptions>(o => o.Loops ??= 1);
        }
        services.AddScoped(sp => sp.GetRequiredService<IAppDbContextFactory>().Create());
        return services;
    }

    private static bool IsFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:";
    }

    private static void EnsureDirectory(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:") return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }
}
