using Microsoft.Data.Sqlite;

namespace Qunzhu.Server.Storage;

/// <summary>Copies the write-ahead log into the database file from a connection of its own, so that no writer pays
/// for it. SQLite's automatic checkpoint runs inside the commit that crosses its threshold, holding the one write
/// lock for the whole copy and its fsync, and every other writer (webhooks, the engine, delivery) waited behind it.
/// A PASSIVE checkpoint blocks neither writers nor readers, but under steady load it never catches up with the
/// writers, and only a log copied to its end is started again from its first frame: the log grew to 256 MiB, and the
/// TRUNCATE that then emptied it held every writer for 0.4–0.6 s. So once the log passes
/// <see cref="RestartAboveFrames"/> (256 MiB), ungated passes first catch up with the writers (each copies and flushes what
/// came in during the one before), and then a RESTART runs holding the process's write gate: no writer appends while it
/// copies the few frames written since, and the next writer starts the log again (see <see cref="RestartAsync"/>: what
/// that pass does holding the gate is kept to the copy and sync of a few milliseconds of writes). A PASSIVE pass there
/// (until session 10) copied only as far as the oldest reader, so on a busy machine, where a preempted reader often holds
/// an old frame, the log was not started again for many rounds: in the restart test under two busy loops it reached 85,
/// 94 and 164 MiB against a 16 MiB threshold, and 28–29 MiB with RESTART.
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
    /// started again. The gated pass held every writer for 30–100 ms on this machine however long the log (two fsyncs;
    /// 4–18 ms at 1,000 events/s since session 14), so a longer log means fewer holds: at 16 MiB they raised the median
    /// reply latency, and against 128 MiB this halved them and lowered the p99 reply latency by about 30 % in three pairs
    /// of runs (benchmarks/README.md).</summary>
    internal const long RestartAboveFrames = 65_536;

    /// <summary>Before the gated pass, ungated passes copy and flush the log (at most this many) until one takes no more
    /// than <see cref="QuickPass"/>, or takes no less than the one before (writers outpace the copy). The gated pass's
    /// cost is what it copies and syncs. Right after a single ungated pass that was the writes of its whole duration: a
    /// median hold of 15–125 ms a run, against 9–39 ms after the catch-up (benchmarks/README.md, session 9).</summary>
    internal const int CatchUpPasses = 6;

    /// <summary>A pass (copy and both fsyncs) this short leaves a few frames to the gated pass.</summary>
    private static readonly TimeSpan QuickPass = TimeSpan.FromMilliseconds(5);

    /// <summary>After each ungated pass, how many times (1 ms apart) the gate is looked at before the next pass.</summary>
    private const int GateLooks = 10;

    /// <summary>Gated passes given up in a row (a reader on older frames each time) before one waits for the readers.</summary>
    internal const int GiveUpsBeforeWaiting = 4;

    /// <summary>About 512 MiB: a log this long (readers kept it from being started again) is emptied by a TRUNCATE.</summary>
    internal const long TruncateAboveFrames = 131_072;

    /// <summary>How long the gated RESTART or TRUNCATE, holding the write gate, waits for readers of the log. Readers here
    /// are single queries; one that takes longer only means the next round tries again.</summary>
    private const int ReaderWaitMilliseconds = 50;

    /// <summary>How long the gated pass waits, once the log is copied to its end and the file synced, for readers still
    /// on the log (not patient: see <see cref="RestartAsync"/>).</summary>
    private const int ReaderWaitCopiedMilliseconds = 10;

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
        // The length of the log the last gated pass copied to its end (0: none yet).
        long restarted = 0;
        // Gated passes given up in a row.
        var givenUp = 0;
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
                    // Copied to its end by the last gated pass, and nothing written since: the next writer starts it again.
                    if (log == restarted && copied == log)
                    {
                        interval = Interval;
                        continue;
                    }
                    interval = log > BusyAboveFrames ? BusyInterval : Interval;
                    if (log <= restartAboveFrames) continue;
                    var patient = givenUp >= GiveUpsBeforeWaiting;
                    if (await RestartAsync(connection, log > TruncateAboveFrames ? "TRUNCATE" : "RESTART", patient, stoppingToken) is { } done)
                    {
                        givenUp = 0;
                        restarted = done;
                        LogCopiedToEnd(logger, done);
                    }
                    else
                    {
                        // A reader kept it from finishing: again at the next round. Four passes that gave up at once, then one
                        // that waits for the readers, and so on.
                        givenUp = patient ? 0 : givenUp + 1;
                        interval = BusyInterval;
                    }
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

    /// <summary>Copies the log to its end while no writer of this process can append, and waits for the readers of older
    /// frames, so that the next writer starts the log again from its beginning. Whatever the gate is held for, every
    /// writer waits for, webhooks included: at 1,000 events/s this pass was the p99 of the reply latency. So all that can
    /// be done before it is: passes without the gate copy and flush the log until one is quick, the gate is taken when it
    /// is free rather than queued for behind a long batch (which left that batch's frames to copy), and a reader on older
    /// frames makes it give up at once rather than hold every writer while waiting for that reader.</summary>
    /// <param name="patient">After <see cref="GiveUpsBeforeWaiting"/> passes given up in a row: wait for the readers up to
    /// <see cref="ReaderWaitMilliseconds"/> holding the gate, as a log that is never started again is worse.</param>
    /// <returns>The length of the log (frames) if the pass copied it to its end with no reader left on it, else null.</returns>
    private async Task<long?> RestartAsync(SqliteConnection connection, string mode, bool patient, CancellationToken ct)
    {
        using var held = await CatchUpAndHoldGateAsync(connection, ct);
        var started = time.GetTimestamp();
        // The first try copies the log to its end and syncs the database file; a try again only looks for the readers.
        var first = await CheckpointAsync(connection, mode, ct);
        if (!first.Busy) return first.Log;
        // Stopped short of the log's end: a reader is on older frames, so the log cannot be started again now.
        if (first.Copied < first.Log && !patient)
        {
            LogGaveUp(logger, first.Copied, first.Log);
            return null;
        }
        var wait = TimeSpan.FromMilliseconds(patient ? ReaderWaitMilliseconds : ReaderWaitCopiedMilliseconds);
        while (time.GetElapsedTime(started) < wait)
        {
            await Task.Delay(ReaderPoll, time, ct);
            if (await CheckpointAsync(connection, mode, ct) is not { Busy: false } done) continue;
            var took = time.GetElapsedTime(started);
            LogWaited(logger, took, true);
            return done.Log;
        }
        var waited = time.GetElapsedTime(started);
        LogWaited(logger, waited, false);
        return null;
    }

    /// <summary>Copies and flushes the log without the gate until a pass (its copy and its fsyncs) is quick, then takes the
    /// gate as soon as it is free, so that the gated pass has only the frames of a few milliseconds to copy and sync.
    /// What it syncs is what is not on the disk yet: the log's frames since the last sync, and every page copied into the
    /// database file since (a pass that stops short of the log's end, as they do while writers append, does not sync the
    /// file). Under load an fsync waits 15–50 ms behind the disk's other writes; on an idle disk it takes 0.1–0.3 ms.</summary>
    private async Task<SqliteWriteGate.Hold> CatchUpAndHoldGateAsync(SqliteConnection connection, CancellationToken ct)
    {
        var previous = TimeSpan.MaxValue;
        for (var pass = 1; pass <= CatchUpPasses; pass++)
        {
            var started = time.GetTimestamp();
            await CheckpointAsync(connection, "PASSIVE", ct);
            SyncFiles(connection);
            var took = time.GetElapsedTime(started);
            if (took > QuickPass)
            {
                // No quicker than the one before: writers outpace the copy, and more passes only copy and sync the same
                // pages again.
                if (took >= previous) break;
                previous = took;
                continue;
            }
            // Free now, or after the holder before it (most holds take 1–10 ms): taken before more frames come in.
            for (var look = 0; look < GateLooks; look++)
            {
                if (gate.TryHold() is { } held) return held;
                await Task.Delay(ReaderPoll, time, ct);
            }
        }
        // Writers queue for the gate without a pause (a backlog): take it in turn.
        return await gate.HoldAsync(ct);
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
    internal static async Task<(bool Busy, long Log, long Copied)> CheckpointAsync(SqliteConnection connection, string mode, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(ct);
        // Columns: busy (1 when it could not finish), frames in the log, frames copied.
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2)) : (false, 0, 0);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQLite checkpoint gave up at once, not holding writers: a reader is on older frames ({Copied} of {Log} frames copied); again in 200 ms")]
    private static partial void LogGaveUp(ILogger logger, long copied, long log);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQLite checkpoint waited {Waited} for readers of the log, holding writers; log started again: {Restarted}")]
    private static partial void LogWaited(ILogger logger, TimeSpan waited, bool restarted);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQLite log copied to its end holding writers ({Log} frames); the next write starts it again")]
    private static partial void LogCopiedToEnd(ILogger logger, long log);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; retrying")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
