using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Broadcasts;

/// <summary>A broadcast is rows before it is a timer: stopping the server in the middle of delivering to
/// 1,000 groups and starting a new one on the same database delivers to each group exactly once.</summary>
public sealed class BroadcastRestartTests
{
    private const int Groups = 1000;
    private const string Text = "【早报】重启也只发一次";

    // 150 messages/s for the account: the broadcast takes ~7 s, so there is time to stop it in the middle.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Delivery:RateLimits:Sandbox:PerAccountPerSecond"] = "150",
        ["Delivery:RateLimits:Sandbox:PerAccountBurst"] = "150",
        ["Delivery:RateLimits:Sandbox:PerChatPerSecond"] = "20",
        ["Delivery:RateLimits:Sandbox:PerChatBurst"] = "20",
        ["Broadcasts:PlanBatchSize"] = "200",
    };

    private static async Task<int> DeliveredAsync(QunzhuServer server)
    {
        await using var db = server.CreateDbContext();
        return await db.SandboxLines.CountAsync(l => l.Text == Text);
    }

    private static async Task<long> CountOnDiskAsync(string path)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM SandboxLines WHERE Text = $text";
        command.Parameters.AddWithValue("$text", Text);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Broadcast_ServerStoppedMidDelivery_NewServerOnSameDatabaseDeliversEachGroupExactlyOnce()
    {
        var first = new QunzhuServer(settings: Settings);
        var path = first.DatabasePath;
        var groups = await SandboxGroups.CreateManyAsync(first, Groups);
        var created = await (await first.CreateApiClient().PostAsJsonAsync("/api/v1/broadcasts",
            new { content = new { text = Text }, targets = new { communityTypes = new[] { "learning" } } })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var before = await Eventually.UntilAsync(() => DeliveredAsync(first), n => n >= 150, TimeSpan.FromSeconds(60), "the first messages");
        await first.DisposeAsync();
        // The stop really was in the middle: some groups have it, some not yet.
        var stopped = await CountOnDiskAsync(path);
        stopped.ShouldBeGreaterThanOrEqualTo(before);
        stopped.ShouldBeLessThan(Groups);

        await using var second = new QunzhuServer(path, Settings);
        var http = second.CreateApiClient();
        var done = await Eventually.UntilAsync(() => http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}"),
            b => b.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(180), "the broadcast to complete");
        done.GetProperty("progress").GetProperty("sent").GetInt32().ShouldBe(Groups);

        await using var check = second.CreateDbContext();
        var perGroup = await check.SandboxLines.Where(l => l.Text == Text).GroupBy(l => l.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        perGroup.Count.ShouldBe(Groups);
        perGroup.ShouldAllBe(g => g.Count == 1);
        perGroup.Select(g => g.Key).Order().ShouldBe(groups.Order());
        (await check.BroadcastDeliveries.CountAsync(d => d.BroadcastId == id)).ShouldBe(Groups);
        (await check.BroadcastRuns.SingleAsync(r => r.BroadcastId == id)).State.ShouldBe(BroadcastRunState.HandedOver);
    }
}
