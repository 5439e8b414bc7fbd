using Microsoft.EntityFrameworkCore;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Bridge;
using Qunzhu.Core.Pipeline;
using Qunzhu.Testing;

namespace Qunzhu.Bridge.Tests;

/// The production store: leases (compare-and-set updates), long Chinese texts and the dead letter on PostgreSQL.
/// Runs when QUNZHU_TEST_POSTGRES is set (always in CI), like the storage tests.
public sealed class BridgePostgresTests : IAsyncDisposable
{
    private BridgeHost? _host;

    [Fact]
    public async Task Pull_OnPostgres_LeasesReportsAndDeadLetters()
    {
        if (TestDatabases.SkipReason(StorageProvider.Postgres) is { } reason) Assert.Skip(reason);
        _host = new BridgeHost(database: await TestDatabases.CreateAsync(StorageProvider.Postgres));
        await _host.AddAutoReplyAsync("课表", "{member} 你好，" + new string('课', 1900));
        var account = await _host.CreateAccountAsync(callbackUrl: null);
        var client = _host.Client(account);
        await client.SendAsync(BridgeEvent.ChatDiscovered("d1", "g-1", "读书会"));
        await _host.CommunityAsync(account, "g-1");
        await client.SendAsync(BridgeEvent.MessagePosted("e1", "g-1", new BridgeUser("wxid_wang", "小王"), "请问课表在哪", "m-1"));

        var pollers = await Task.WhenAll(client.PullAsync(TimeSpan.FromSeconds(10)), client.PullAsync(TimeSpan.FromSeconds(3)));
        var reply = pollers.SelectMany(p => p).ShouldHaveSingleItem();
        reply.Text!.Length.ShouldBeGreaterThan(1900);
        (await client.ReportAsync(reply.Id, BridgeActionResult.Failed("群已解散"))).Status.ShouldBe("recorded");

        await using var db = _host.Server.CreateDbContext();
        (await db.BridgeQueue.SingleAsync()).Status.ShouldBe(BridgeQueueStatus.Failed);
        var row = await Eventually.UntilAsync(() => db.Outbox.AsNoTracking().FirstOrDefaultAsync(), o => o?.Status == OutboxStatus.DeadLetter, what: "a dead letter");
        row!.LastError!.ShouldContain("群已解散");
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
