using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// Under load the engine lets events gather between batches (Engine:GatherAbove, Engine:GatherDelay): fewer, larger batches
/// cost less CPU an event. A batch smaller than the threshold never waits.
public sealed class EngineGatherTests
{
    [Fact]
    public async Task AfterABatchAtTheThreshold_TheNextWaitsTheGatherDelay_AfterASmallerOneItDoesNot()
    {
        var settings = new Dictionary<string, string?> { ["Engine:GatherAbove"] = "3", ["Engine:GatherDelay"] = "00:00:05" };
        await using var first = new QunzhuServer(settings: settings);
        var group = await new SandboxClient(first.CreateApiClient()).CreateGroupAsync("攒批测试");
        await first.DisposeAsync();

        // Three check-ins stored while nothing processes: the next server's first batch holds all three.
        await QunzhuServer.StoreWithoutProcessingAsync(first.DatabasePath, async ingest =>
        {
            for (var i = 0; i < 3; i++) await ingest.SendAsync(group, "message", $"u{i}", "签到", eventId: $"e{i}");
        });

        await using var server = new QunzhuServer(first.DatabasePath, settings);
        var client = new SandboxClient(server.CreateApiClient());
        await client.BotMessagesAsync(group, 3);
        await client.SendAsync(group, "message", "u3", "签到", eventId: "e3");
        await client.BotMessagesAsync(group, 4, TimeSpan.FromSeconds(30));
        await client.SendAsync(group, "message", "u4", "签到", eventId: "e4");
        await client.BotMessagesAsync(group, 5, TimeSpan.FromSeconds(30));

        await using var db = server.CreateDbContext();
        var inbox = await db.Inbox.AsNoTracking().ToDictionaryAsync(e => e.PlatformEventId[(e.PlatformEventId.IndexOf('/') + 1)..]);
        var firstBatch = inbox["e0"].ProcessedAt!.Value;
        inbox["e2"].ProcessedAt.ShouldBe(firstBatch, "the three stored events make one batch");
        // Sent right after the three were answered, the fourth waited for the delay to pass.
        (inbox["e3"].ProcessedAt!.Value - firstBatch).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4.9));
        // A batch of one is below the threshold: the fifth was not held back.
        (inbox["e4"].ProcessedAt!.Value - inbox["e4"].ReceivedAt).ShouldBeLessThan(TimeSpan.FromSeconds(4));
    }
}
