using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Pipeline;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// Sandbox replies are delivered in the engine's own transaction when the chat's limits allow, and otherwise wait for the
/// dispatcher without being overtaken, across a restart too.
public sealed class InDatabaseDeliveryTests
{
    // One reply per chat every 5 seconds, so the second reply of the group has to wait.
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["Delivery:RateLimits:Sandbox:PerChatPerSecond"] = "0.2",
        ["Delivery:RateLimits:Sandbox:PerChatBurst"] = "1",
    };

    [Fact]
    public async Task Replies_OverTheChatLimit_WaitForTheDispatcherAndKeepTheirOrder()
    {
        await using var first = new QunzhuServer(settings: Limits);
        var sandbox = new SandboxClient(first.CreateApiClient());
        var group = await sandbox.CreateGroupAsync();
        await sandbox.SendAsync(group, "message", "u1", "签到", memberName: "小一", eventId: "first");
        await sandbox.SendAsync(group, "message", "u2", "签到", memberName: "小二", eventId: "second");
        // The second reply is refused a token and waits 5 s for the dispatcher. The server stops meanwhile.
        await using (var db = first.CreateDbContext())
            await Eventually.UntilAsync(() => db.Outbox.AsNoTracking().CountAsync(o => o.Status == OutboxStatus.Pending), n => n == 1);
        await first.DisposeAsync();

        // Started again, its buckets are full: the third reply could go at once, but must not overtake the second.
        await using var second = new QunzhuServer(first.DatabasePath, Limits);
        var after = new SandboxClient(second.CreateApiClient());
        await after.SendAsync(group, "message", "u3", "签到", memberName: "小三", eventId: "third");
        var lines = await after.BotMessagesAsync(group, 3, TimeSpan.FromSeconds(30));
        lines.Select(l => l.Split(' ')[1]).ShouldBe(["小一", "小二", "小三"]);

        // The first reply committed with its event (delivered before the event was marked processed); the others by the
        // dispatcher, after.
        await using var check = second.CreateDbContext();
        var processed = (await check.Inbox.AsNoTracking().Where(e => e.ProcessedAt != null).ToListAsync())
            .ToDictionary(e => e.PlatformEventId.Split('/')[^1], e => e.ProcessedAt!.Value);
        var delivered = await check.Outbox.AsNoTracking().Where(o => o.Status == OutboxStatus.Delivered).ToListAsync();
        DateTime DeliveredAt(string eventId) => delivered.Single(o => o.IdempotencyKey.Contains("/" + eventId + ":", StringComparison.Ordinal)).DeliveredAt!.Value;
        DeliveredAt("first").ShouldBeLessThanOrEqualTo(processed["first"]);
        DeliveredAt("second").ShouldBeGreaterThan(processed["second"]);
        DeliveredAt("third").ShouldBeGreaterThan(DeliveredAt("second"));
    }
}
