using Microsoft.Data.Sqlite;

namespace Qunzhu.Server.Storage;

/// <summary>Copies the write-ahead log into the database file from a connection of its own, so that no writer pays
/// for it. SQLite's automatic checkpoint runs inside the commit that crosses its threshold, holding the one write
/// lock for the whole copy and its fsync, and every other writer (webhooks, the engine, delivery) waited behind it.
/// A PASSIVE checkpoint blocks neither writers nor readers. When readers kept the log from being reused and it
/// grew past <see cref="TruncateAboveFrames"/>, a TRUNCATE checkpoint waits for them (briefly) and shrinks it.
/// Every second when little is written; every 200 ms while the log fills faster than that (each checkpoint that
/// copies anything also syncs the file, so a quiet server should not do it five times a second).</summary>
internal sealed partial class SqliteCheckpointer(string connectionString, TimeProvider time, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan BusyInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>A log of more frames than this (about 4 MiB) at a checkpoint means a busy writer: look again sooner.</summary>
    internal const long BusyAboveFrames = 1_000;

    /// <summary>About 256 MiB of 4 KiB pages.</summary>
    internal const long TruncateAboveFrames = 65_536;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:") return;
        var wal = Path.GetFullPath(builder.DataSource) + "-wal";
        SqliteConnection? connection = null;
        var truncate = false;
        var interval = Interval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stoppingToken);
                // Nothing written yet (or the database is not made yet: start-up migrates it first).
                if (!File.Exists(wal)) continue;
                try
                {
                    if (connection is null)
                    {
                        connection = new SqliteConnection(builder.ToString());
                        await connection.OpenAsync(stoppingToken);
                        // A TRUNCATE checkpoint waits for readers; it must not wait long for a busy writer either.
                        await using var timeout = connection.CreateCommand();
                        timeout.CommandText = "PRAGMA busy_timeout=2000;";
                        await timeout.ExecuteNonQueryAsync(stoppingToken);
                    }
                    var log = await CheckpointAsync(connection, truncate ? "TRUNCATE" : "PASSIVE", stoppingToken);
                    truncate = log > TruncateAboveFrames;
                    interval = log > BusyAboveFrames ? BusyInterval : Interval;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Never fatal: the log only grows until the next round succeeds.
                    LogCheckpointFailed(logger, ex);
                    if (connection is not null) await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    /// <returns>How many frames the log holds.</returns>
    private static async Task<long> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(ct);
        // Columns: busy (1 when it could not finish), frames in the log, frames copied.
        return await reader.ReadAsync(ct) ? reader.GetInt64(1) : 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; retrying")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
