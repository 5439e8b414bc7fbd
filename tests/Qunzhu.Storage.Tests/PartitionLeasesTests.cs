using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Qunzhu.Engine;
using Qunzhu.Engine.Processing;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// Two nodes share the partitions of one database, on a fake clock.
public sealed class PartitionLeasesTests
{
    private const int Partitions = 8;
    private static readonly TimeSpan LeaseDuration = new EngineOptions().LeaseDuration;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Rows.Instant));

    [Theory, DatabaseData]
    public async Task Refresh_TwoNodes_EachOwnsHalfAndNoneOverlap(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var (a, b) = await TwoNodesAsync(database);

        // a starts alone and takes everything; b's first refresh makes it known; a then gives up the
        // surplus, which b takes on its next refresh.
        await a.RefreshAsync(default);
        a.Owned.Count.ShouldBe(Partitions);
        await b.RefreshAsync(default);
        await a.RefreshAsync(default);
        await b.RefreshAsync(default);

        a.Owned.Count.ShouldBe(Partitions / 2);
        b.Owned.Count.ShouldBe(Partitions / 2);
        a.Owned.Intersect(b.Owned).ShouldBeEmpty();
        await ShouldOwnInDatabaseAsync(database, a);
        await ShouldOwnInDatabaseAsync(database, b);

        // Further rounds keep the split stable.
        _time.Advance(LeaseDuration / 3);
        await a.RefreshAsync(default);
        await b.RefreshAsync(default);
        a.Owned.Count.ShouldBe(Partitions / 2);
        b.Owned.Count.ShouldBe(Partitions / 2);
        a.Owned.Intersect(b.Owned).ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Refresh_OtherNodeStoppedRefreshing_TakesAllOnceItsLeasesExpire(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var (a, b) = await TwoNodesAsync(database);
        await a.RefreshAsync(default);
        await b.RefreshAsync(default);
        await a.RefreshAsync(default);
        await b.RefreshAsync(default);
        b.Owned.Count.ShouldBe(Partitions / 2);

        // b crashes: no more refreshes. Before its leases expire, a must not take them.
        _time.Advance(LeaseDuration / 2);
        await a.RefreshAsync(default);
        a.Owned.Count.ShouldBe(Partitions / 2);

        _time.Advance(LeaseDuration);
        await a.RefreshAsync(default);

        a.Owned.Count.ShouldBe(Partitions);
        await ShouldOwnInDatabaseAsync(database, a);
        await using var db = database.CreateContext();
        (await db.EngineNodes.Select(n => n.Name).ToListAsync()).ShouldBe(["a"], "a crashed node is forgotten");
    }

    [Theory, DatabaseData]
    public async Task Stop_OtherNodeShutsDown_TakesAllWithoutWaitingForExpiry(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var (a, b) = await TwoNodesAsync(database);
        await a.RefreshAsync(default);
        await b.RefreshAsync(default);
        await a.RefreshAsync(default);
        await b.RefreshAsync(default);

        await b.StopAsync(default);
        await a.RefreshAsync(default);

        b.Owned.ShouldBeEmpty();
        a.Owned.Count.ShouldBe(Partitions);
        await ShouldOwnInDatabaseAsync(database, a);
    }

    private async Task<(PartitionLeases A, PartitionLeases B)> TwoNodesAsync(TestDatabase database)
    {
        var a = Node(database, "a");
        var b = Node(database, "b");
        await a.EnsureRowsAsync(default);
        await b.EnsureRowsAsync(default);
        return (a, b);
    }

    private PartitionLeases Node(TestDatabase database, string name) => new(
        database.Factory,
        Options.Create(new EngineOptions { Partitions = Partitions, NodeName = name }),
        _time,
        NullLogger<PartitionLeases>.Instance);

    /// What a node believes it owns is what the lease rows say, and those leases have not expired.
    private async Task ShouldOwnInDatabaseAsync(TestDatabase database, PartitionLeases node)
    {
        await using var db = database.CreateContext();
        var now = _time.GetUtcNow().UtcDateTime;
        var rows = await db.PartitionLeases.Where(l => l.Owner == node.Node && l.ExpiresAt > now).Select(l => l.Partition).ToListAsync();
        rows.Order().ShouldBe(node.Owned.Order(), $"leases of node {node.Node}");
    }
}
