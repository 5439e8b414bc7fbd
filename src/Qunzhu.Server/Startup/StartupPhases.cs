using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Engine;
using Qunzhu.Engine.Processing;
using Qunzhu.Server.Storage;
using Qunzhu.Storage;

namespace Qunzhu.Server.Startup;

/// <summary>Start-up in explicit phases: back up SQLite (only when a migration is about to change it) →
/// migrate → seed → partition leases. A hosted service registered before the workers: the host starts
/// hosted services in order, and the web server only after all of them.</summary>
public sealed partial class StartupPhases(
    IServiceProvider services, StorageOptions storage, IOptions<EngineOptions> engine, TimeProvider time, ILogger<StartupPhases> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (!storage.IsPostgres)
        {
            var backup = BackupSqlite(db, time, pending.Count);
            if (backup is not null) LogBackup(logger, backup);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        if (pending.Count > 0)
        {
            LogMigrating(logger, pending.Count);
            await db.Database.MigrateAsync(ct);
        }

        await scope.ServiceProvider.GetRequiredService<Bootstrapper>().SeedAsync(ct);
        var leases = services.GetRequiredService<PartitionLeases>();
        await leases.EnsureRowsAsync(ct);
        if (engine.Value.ProcessEvents) await leases.RefreshAsync(ct);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string? BackupSqlite(AppDbContext db, TimeProvider time, int pendingMigrations)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var source = builder.DataSource;
        if (pendingMigrations == 0 || string.IsNullOrEmpty(source) || source == ":memory:" || !File.Exists(source)) return null;
        if (new FileInfo(source).Length == 0) return null;
        var dir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, "backups");
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(source)}-{time.GetUtcNow():yyyyMMddHHmmss}.db");
        using (var from = new SqliteConnection(builder.ToString()))
        using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
        {
            from.Open();
            from.BackupDatabase(to);
        }
        // Keep the five newest backups.
        foreach (var old in new DirectoryInfo(dir).GetFiles("*.db").OrderByDescending(f => f.Name).Skip(5)) old.Delete();
        return target;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up the SQLite database to {Path} before migrating")]
    private static partial void LogBackup(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migrations")]
    private static partial void LogMigrating(ILogger logger, int count);
}
