using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Processing;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Broadcasts;

/// A burst of broadcasts to a platform that refuses anything over its limits: zero violations, all delivered.
public sealed class BroadcastRateLimitTests : IAsyncDisposable
{
    private const int Groups = 60;
    private readonly RateLimitedPlatform _platform = new(TimeProvider.System, perChatPerSecond: 1, perChatBurst: 1, perAccountPerSecond: 40, perAccountBurst: 10);
    private readonly QunzhuServer _server;

    public BroadcastRateLimitTests()
    {
        _server = new QunzhuServer(settings: new Dictionary<string, string?>
        {
            ["Delivery:RateLimits:Bridge:PerChatPerSecond"] = "1",
            ["Delivery:RateLimits:Bridge:PerChatBurst"] = "1",
            ["Delivery:RateLimits:Bridge:PerAccountPerSecond"] = "40",
            ["Delivery:RateLimits:Bridge:PerAccountBurst"] = "10",
        }, services: s =>
        {
            s.AddSingleton<IPlatformConnector>(_platform);
            // Only this fake serves Bridge chats here, whatever Bridge connector the server registers.
            s.AddSingleton(sp => new PlatformCatalog(sp.GetServices<IPlatformConnector>().Where(c => c.Platform != PlatformKind.Bridge || c == _platform)));
        });
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Broadcasts_ThreeAtOnceToSixtyGroupsOfARateLimitedPlatform_NoViolationAndEachMessageOnce()
    {
        var http = _server.CreateApiClient();
        var ids = await CreateBridgeGroupsAsync();
        var started = TimeProvider.System.GetTimestamp();
        foreach (var text in new[] { "第一条", "第二条", "第三条" })
            await (await http.PostAsJsonAsync("/api/v1/broadcasts", new { content = new { text }, targets = new { communityIds = ids } })).JsonAsync(HttpStatusCode.Created);

        await Eventually.UntilAsync(() => Task.FromResult(_platform.Delivered.Count), n => n >= 3 * Groups, TimeSpan.FromSeconds(60), "every message");
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        _platform.Violations.ShouldBe(0);
        _platform.Delivered.Values.ShouldAllBe(n => n == 1);
        // 180 messages at 40/s after a burst of 10 cannot take less than ~4.25 s: the limiter was what paced them.
        elapsed.TotalSeconds.ShouldBeGreaterThan(4.0);
        await Eventually.UntilAsync(() => http.GetFromJsonAsync<JsonElement>("/api/v1/broadcasts?status=completed"),
            l => l.GetProperty("total").GetInt32() == 3, what: "three completed broadcasts");
    }

    private async Task<List<Guid>> CreateBridgeGroupsAsync()
    {
        await using var db = _server.CreateDbContext();
        var workspace = db.Workspaces.OrderBy(w => w.CreatedAt).First();
        var account = new PlatformAccount { WorkspaceId = workspace.Id, Platform = PlatformKind.Bridge, Name = "限流平台", CreatedAt = workspace.CreatedAt };
        db.PlatformAccounts.Add(account);
        var ids = new List<Guid>();
        for (var i = 0; i < Groups; i++)
        {
            var c = new Community { WorkspaceId = workspace.Id, AccountId = account.Id, Platform = PlatformKind.Bridge, ExternalId = $"chat-{i}", Name = $"桥接群{i}", CreatedAt = workspace.CreatedAt };
            db.Communities.Add(c);
            ids.Add(c.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }
}
