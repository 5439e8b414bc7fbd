using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Pipeline;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Processing;

/// <summary>Which partitions this node processes and delivers. Each node takes its fair share of the
/// partitions (all of them when alone; the live nodes are counted by heartbeat rows) with compare-and-set
/// updates that work the same on SQLite and PostgreSQL, renews them, and gives them up on shutdown; a
/// crashed node's leases and heartbeat expire.</summary>
public sealed partial class PartitionLeases(
    IAppDbContextFactory dbs,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<PartitionLeases> logger) : BackgroundService
{
    private volatile HashSet<int> _owned = [];

    public string Node { get; } = options.Value.NodeName ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    public bool Owns(int partition) => _owned.Contains(partition);

    public IReadOnlyCollection<int> Owned => _owned;

    /// <summary>Creates the lease rows (start-up seed phase).</summary>
    public async Task EnsureRowsAsync(CancellationToken ct)
    {
        await using var db = dbs.Create();
        var existing = await db.PartitionLeases.Select(l => l.Partition).ToListAsync(ct);
        for (var p = 0; p < options.Value.Partitions; p++)
        {
            if (!existing.Contains(p)) db.PartitionLeases.Add(new PartitionLease { Partition = p, ExpiresAt = DateTime.MinValue.ToUniversalTime() });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Renews what we hold and takes our fair share of what is free. The share is the partitions
    /// divided by the live nodes, which announce themselves with a heartbeat row: a node holding more than
    /// its share gives up the surplus, and the newcomer takes it on its next refresh.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var db = dbs.Create();
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.LeaseDuration;
        var nodes = await HeartbeatAsync(db, now, expires, ct);
        var leases = await db.PartitionLeases.AsNoTracking().Where(l => l.Partition < options.Value.Partitions).ToListAsync(ct);
        var fair = (int)Math.Ceiling(leases.Count / (double)nodes);
        var mine = leases.Where(l => l.Owner == Node && l.ExpiresAt > now).Select(l => l.Partition).OrderBy(p => p).ToList();
        var owned = new HashSet<int>();

        foreach (var p in mine.Take(fair))
        {
            if (await TryTakeAsync(db, p, now, expires, ct)) owned.Add(p);
        }
        var surplus = mine.Skip(fair).ToList();
        if (surplus.Count > 0)
        {
            // Stop working on them here before another node can take them.
            _owned = [.. _owned.Except(surplus)];
            await db.PartitionLeases.Where(l => surplus.Contains(l.Partition) && l.Owner == Node)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null), ct);
        }
        foreach (var lease in leases.Where(l => l.Owner is null || l.ExpiresAt <= now))
        {
            if (owned.Count >= fair) break;
            if (await TryTakeAsync(db, lease.Partition, now, expires, ct)) owned.Add(lease.Partition);
        }
        if (!owned.SetEquals(_owned))
        {
            var list = string.Join(',', owned.Order());
            LogOwned(logger, Node, list);
        }
        _owned = owned;
    }

    /// <summary>Renews this node's heartbeat and forgets nodes that stopped renewing theirs.</summary>
    /// <returns>How many nodes are alive, this one included.</returns>
    private async Task<int> HeartbeatAsync(AppDbContext db, DateTime now, DateTime expires, CancellationToken ct)
    {
        if (await db.EngineNodes.Where(n => n.Name == Node).ExecuteUpdateAsync(s => s.SetProperty(n => n.ExpiresAt, expires), ct) == 0)
        {
            db.EngineNodes.Add(new EngineNode { Name = Node, ExpiresAt = expires });
            await db.SaveChangesAsync(ct);
        }
        await db.EngineNodes.Where(n => n.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        return await db.EngineNodes.CountAsync(n => n.ExpiresAt > now, ct);
    }

    private async Task<bool> TryTakeAsync(AppDbContext db, int partition, DateTime now, DateTime expires, CancellationToken ct) =>
        await db.PartitionLeases
            .Where(l => l.Partition == partition && (l.Owner == Node || l.Owner == null || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, Node).SetProperty(l => l.ExpiresAt, expires), ct) == 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.LeaseDuration / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, time, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRefreshFailed(logger, ex);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _owned = [];
        try
        {
            await using var db = dbs.Create();
            await db.PartitionLeases.Where(l => l.Owner == Node)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null), cancellationToken);
            await db.EngineNodes.Where(n => n.Name == Node).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // Also when the host's stop timeout ran out waiting for the database (a busy SQLite write gate):
            // the leases then expire by themselves, and a failed release must not fail the shutdown.
            LogRefreshFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} now processes partitions [{Partitions}]")]
    private static partial void LogOwned(ILogger logger, string node, string partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing partition leases failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
