using Microsoft.Data.Sqlite;

namespace Qunzhu.Server.Storage;

/// <summary>Copies the write-ahead log into the database file from a connection of its own, so that no writer pays
/// for it. SQLite's automatic checkpoint runs inside the commit that crosses its threshold, holding the one write
/// lock for the whole copy and its fsync, and every other writer (webhooks, the engine, delivery) waited behind it.
/// A PASSIVE checkpoint blocks neither writers nor readers, but under steady load it never catches up with the
/// writers, and only a log copied to its end is started again from its first frame: the log grew to 256 MiB, and the
/// TRUNCATE that then emptied it held every writer for 0.4–0.6 s. So once the log passes
/// <see cref="RestartAboveFrames"/> (256 MiB), ungated passes first catch up with the writers (each copies what came in
/// during the one before), and then a RESTART runs holding the process's write gate: no writer appends while it copies
/// the few frames written since, it waits (briefly) for readers still on older frames, and the next writer starts the log
/// again. A PASSIVE pass there (until session 10) copied only as far as the oldest reader, so on a busy machine, where a
/// preempted reader often holds an old frame, the log was not started again for many rounds: in the restart test under
/// two busy loops it reached 85, 94 and 164 MiB against a 16 MiB threshold, and 28–29 MiB with RESTART.
/// Every second when little is written; every 200 ms while the log fills faster than that (each checkpoint that
/// copies anything also syncs the file, so a quiet server should not do it five times a second).</summary>
/// <param name="restartAboveFrames">Past this many frames in the log, the gated pass runs (tests use a smaller log).</param>
internal sealed partial class SqliteCheckpointer(string connectionString, SqliteWriteGate gate, TimeProvider time, ILogger<SqliteCheckpointer> logger,
    long restartAboveFrames = SqliteCheckpointer.RestartAboveFrames) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan BusyInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>A log of more frames than this (about 4 MiB) at a checkpoint means a busy writer: look again sooner.</summary>
    internal const long BusyAboveFrames = 1_000;

    /// <summary>About 256 MiB of 4 KiB pages: past it, the log is copied to its end under the write gate, so that it is
    /// started again. The gated pass holds every writer for 30–100 ms on this machine however long the log (two fsyncs),
    /// so a longer log means fewer holds: at 16 MiB they raised the median reply latency, and against 128 MiB this halved
    /// them and lowered the p99 reply latency by about 30 % in three pairs of runs (benchmarks/README.md).</summary>
    internal const long RestartAboveFrames = 65_536;

    /// <summary>Before the gated pass, ungated passes run (at most <see cref="CatchUpPasses"/>) until one finds no more than
    /// this many frames (about 1 MiB) to copy. The gated pass's cost is what it copies and syncs (fsync: about 0.7 ms a MiB
    /// here). Right after a single ungated pass that was the writes of its whole duration: a median hold of 15–125 ms a run,
    /// against 9–39 ms after the catch-up (benchmarks/README.md, session 9).</summary>
    internal const long CatchUpAboveFrames = 256;

    internal const int CatchUpPasses = 4;

    /// <summary>About 512 MiB: a log this long (readers kept it from being started again) is emptied by a TRUNCATE.</summary>
    internal const long TruncateAboveFrames = 131_072;

    /// <summary>How long the gated RESTART or TRUNCATE, holding the write gate, waits for readers of the log. Readers here
    /// are single queries; one that takes longer only means the next round tries again.</summary>
    private const int ReaderWaitMilliseconds = 50;

    /// <summary>How often the gated pass looks again for readers of older frames. SQLite's own busy handler sleeps 1, 2, 5,
    /// 10, 15, 20 ms between its looks: a reader that finished after 3 ms still cost a wait of 8, and one busy look in
    /// most gated passes made them hold every writer for 50–60 ms at 1,000 events/s (the p99 of the reply latency). The
    /// connection has no busy handler; the pass is retried at this interval instead.</summary>
    private static readonly TimeSpan ReaderPoll = TimeSpan.FromMilliseconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:") return;
        var wal = Path.GetFullPath(builder.DataSource) + "-wal";
        SqliteConnection? connection = null;
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
                        // No busy handler: the gated pass does its own (finer) waiting for readers; the others never wait.
                        await using var timeout = connection.CreateCommand();
                        timeout.CommandText = "PRAGMA busy_timeout=0;";
                        await timeout.ExecuteNonQueryAsync(stoppingToken);
                    }
                    var (_, log, copied) = await CheckpointAsync(connection, "PASSIVE", stoppingToken);
                    interval = log > BusyAboveFrames ? BusyInterval : Interval;
                    if (log <= restartAboveFrames) continue;
                    // What the gated pass copies (and syncs) is what was written since the last pass: catch up first, so
                    // that it is a few frames and not the writes of the whole time the last pass took. Each pass copies what
                    // came in during the one before (a pass sees the log as it was when it began).
                    // Writers faster than the copy never let it catch up, and every further pass only lets the log grow: stop
                    // as soon as a pass had no less to copy than the one before.
                    var previous = long.MaxValue;
                    for (var pass = 0; pass < CatchUpPasses; pass++)
                    {
                        var before = copied;
                        (_, log, copied) = await CheckpointAsync(connection, "PASSIVE", stoppingToken);
                        var cameIn = log - before;
                        if (cameIn <= CatchUpAboveFrames || cameIn >= previous) break;
                        previous = cameIn;
                    }
                    await CheckpointHoldingGateAsync(connection, log > TruncateAboveFrames ? "TRUNCATE" : "RESTART", stoppingToken);
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

    /// <summary>A checkpoint while no writer of this process can append: it copies the log to its end and waits for the
    /// readers of older frames (up to <see cref="ReaderWaitMilliseconds"/>), so the next writer starts the log again from
    /// its beginning.</summary>
    private async Task CheckpointHoldingGateAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        // What the gated pass syncs is what is not on the disk yet: the log's frames since the last sync, and every page the
        // passes before it copied into the database file (a pass that stops short of the log's end, as they do while writers
        // append, does not sync the file). Under load an fsync here waits 15–50 ms behind the disk's other writes, so both
        // files are flushed first, without the gate, and the gated pass syncs only what came in since.
        SyncFiles(connection);
        using var held = await gate.HoldAsync(ct);
        var started = time.GetTimestamp();
        // The first try copies the log to its end; a try again (readers were still on older frames) only looks for them.
        while (await CheckpointAsync(connection, mode, ct) is { Busy: true }
               && time.GetElapsedTime(started) < TimeSpan.FromMilliseconds(ReaderWaitMilliseconds))
        {
            await Task.Delay(ReaderPoll, time, ct);
        }
    }

    // SQLite's own descriptors of the two files, once found (see SqliteFileSync).
    private int _dbFd = -1;
    private int _logFd = -1;

    private void SyncFiles(SqliteConnection connection)
    {
        var db = Path.GetFullPath(connection.DataSource);
        SqliteFileSync.TrySync(db + "-wal", ref _logFd);
        SqliteFileSync.TrySync(db, ref _dbFd);
    }

    /// <returns>Whether it could not finish (a lock was held: a reader on older frames, for the gated modes), how many
    /// frames the log holds, and how many of them are copied into the database file.</returns>
    private static async Task<(bool Busy, long Log, long Copied)> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(ct);
        // Columns: busy (1 when it could not finish), frames in the log, frames copied.
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2)) : (false, 0, 0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; retrying")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
