using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Accounts;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Ingestion;

/// <summary>Stores accepted events with group commit: concurrent requests share one transaction and
/// each returns only after its row is committed. One fsync for many events is what lets a single
/// SQLite file take thousands of webhooks a second while keeping "stored before we answer".</summary>
public sealed partial class InboxWriter : BackgroundService, IInboxWriter
{
    private readonly IAppDbContextFactory _dbs;
    private readonly EngineSignals _signals;
    private readonly EngineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InboxWriter> _logger;
    private readonly AccountActivity _activity;
    private readonly GroupCommit<InboxItem, bool> _commit;

    public InboxWriter(IAppDbContextFactory dbs, EngineSignals signals, IOptions<EngineOptions> options, TimeProvider time, ILogger<InboxWriter> logger,
        AccountActivity activity)
    {
        (_dbs, _signals, _options, _time, _logger, _activity) = (dbs, signals, options.Value, time, logger, activity);
        _commit = new GroupCommit<InboxItem, bool>(WriteAsync);
    }

    public Task<bool> AcceptAsync(InboxItem item, CancellationToken cancellationToken) => _commit.WriteAsync(item, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _commit.RunAsync(stoppingToken);

    private async Task<GroupCommit<InboxItem, bool>.Outcome[]> WriteAsync(IReadOnlyList<InboxItem> batch, CancellationToken ct)
    {
        try
        {
            return [.. (await InsertNewAsync(batch, ct)).Select(isNew => new GroupCommit<InboxItem, bool>.Outcome(isNew))];
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException && batch.Count > 1)
        {
            // One at a time: one item cannot be stored at all (an id longer than its column, say). The others are stored,
            // and only that item's caller gets the error. (A replay is not an error: the insert skips it.)
            LogWriteFailed(_logger, ex, batch.Count);
            var results = new GroupCommit<InboxItem, bool>.Outcome[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    results[i] = new((await InsertNewAsync([batch[i]], ct))[0]);
                }
                catch (Exception again) when (again is DbException or DbUpdateException)
                {
                    results[i] = new(false, again);
                }
            }
            return results;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(_logger, ex, batch.Count);
            throw;
        }
    }

    public async Task<bool[]> StoreWithinAsync(AppDbContext db, IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("StoreWithinAsync needs an open write transaction, so the events commit with the rest of the write.");
        var (rows, indexes) = RowsOf(items, _time.GetUtcNow().UtcDateTime);
        var stored = await InsertInOrderAsync(db, rows, cancellationToken);
        var results = new bool[items.Count];
        for (var r = 0; r < rows.Count; r++) results[indexes[r]] = stored[r];
        return results;
    }

    public void Announce(IEnumerable<string> chatIds)
    {
        foreach (var partition in chatIds.Select(c => Partitions.Of(c, _options.Partitions)).Distinct()) _signals.InboxWritten(partition);
    }

    private async Task<bool[]> InsertNewAsync(IReadOnlyList<InboxItem> batch, CancellationToken ct)
    {
        await using var db = _dbs.Create();
        var now = _time.GetUtcNow().UtcDateTime;
        var results = new bool[batch.Count];
        var (rows, indexes) = RowsOf(batch, now);
        var written = new HashSet<int>();
        await using (var tx = await db.BeginWriteAsync(ct))
        {
            var stored = await InsertInOrderAsync(db, rows, ct);
            await tx.CommitAsync(ct);
            for (var r = 0; r < rows.Count; r++)
            {
                if (!stored[r]) continue;
                results[indexes[r]] = true;
                written.Add(rows[r].Partition);
            }
        }
        if (written.Count == 0) return results;
        foreach (var partition in written) _signals.InboxWritten(partition);
        try
        {
            await _activity.RecordAsync(db, batch.Where((_, i) => results[i]).Select(p => p.AccountId), now, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The events are committed; a missed "last event received" must not fail the webhook.
            LogActivityFailed(_logger, ex);
        }
        return results;
    }

    /// <summary>The rows to insert, with the index of the item each came from. A repeat inside the batch is a replay:
    /// accepted, not stored again. Stored rows are skipped by the insert itself (the unique index on account and event
    /// id), with no query before the write.</summary>
    private (List<InboxEvent> Rows, List<int> Indexes) RowsOf(IReadOnlyList<InboxItem> batch, DateTime now)
    {
        var seen = new HashSet<(Guid, string)>();
        var rows = new List<InboxEvent>(batch.Count);
        var indexes = new List<int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            if (!seen.Add((item.AccountId, item.EventId))) continue;
            rows.Add(new InboxEvent
            {
                WorkspaceId = item.WorkspaceId,
                AccountId = item.AccountId,
                Platform = item.Platform,
                PlatformEventId = item.EventId,
                ChatId = item.ChatId,
                Partition = Partitions.Of(item.ChatId, _options.Partitions),
                Payload = item.Payload,
                ReceivedAt = now,
            });
            indexes.Add(i);
        }
        return (rows, indexes);
    }

    /// <summary>Inserts the rows inside the open transaction, after taking their partitions' turns (PostgreSQL). SQLite
    /// has one writer, and it writes one transaction at a time: order is already commit order.</summary>
    private static async Task<bool[]> InsertInOrderAsync(AppDbContext db, List<InboxEvent> rows, CancellationToken ct)
    {
        if (!db.IsSqlite()) await LockPartitionsAsync(db, rows.Select(r => r.Partition).Distinct(), ct);
        return await db.InsertNewAsync(rows, ct);
    }

    /// <summary>Makes the writers of a partition take turns until they commit. Order within a chat is the
    /// Sequence, which PostgreSQL draws at insert and not at commit: with two nodes writing one partition,
    /// 102 could commit and be processed before 101 committed. Holding the partition's lease row (a no-op
    /// update locks it) means a later writer draws its numbers only after the earlier one committed. Rows are
    /// locked one by one in ascending order, so two writers never deadlock. SQLite has one writer anyway.</summary>
    private static async Task LockPartitionsAsync(AppDbContext db, IEnumerable<int> partitions, CancellationToken ct)
    {
        foreach (var partition in partitions.Order())
        {
            await db.PartitionLeases.Where(l => l.Partition == partition)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, l => l.ExpiresAt), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording when accounts last received an event failed")]
    private static partial void LogActivityFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing {Count} inbox events failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
