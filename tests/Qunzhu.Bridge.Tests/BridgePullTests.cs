using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Bridge;
using Qunzhu.Core.Pipeline;
using Qunzhu.Testing;

namespace Qunzhu.Bridge.Tests;

/// A bridge behind NAT: it long-polls for actions, holds each under a lease, and reports results.
public sealed class BridgePullTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private BridgeHost _host = null!;

    private static BridgeUser Wang => new("wxid_wang", "小王");

    /// <param name="lease">How long a pulled action stays leased (short, to see leases run out).</param>
    private async Task<BridgeClient> StartAsync(string lease = "00:01:00")
    {
        _host = new BridgeHost(new Dictionary<string, string?> { ["Bridge:LeaseDuration"] = lease });
        var account = await _host.CreateAccountAsync(callbackUrl: null);
        var client = _host.Client(account);
        await client.SendAsync(BridgeEvent.ChatDiscovered("d1", "g-1", "读书会"));
        await _host.CommunityAsync(account, "g-1");
        return client;
    }

    [Fact]
    public async Task Pull_CheckInReply_LeasedThenReportedDoneOnce()
    {
        var client = await StartAsync();
        await client.SendAsync(BridgeEvent.MessagePosted("e1", "g-1", Wang, "签到", "m-1"));

        var actions = await client.PullAsync(Wait);

        var reply = actions.ShouldHaveSingleItem();
        reply.Type.ShouldBe(BridgeActionTypes.SendMessage);
        reply.ChatId.ShouldBe("g-1");
        reply.Text!.ShouldContain("小王 签到成功");
        reply.LeaseExpiresAt.ShouldNotBeNull();
        (await client.ReportAsync(reply.Id, BridgeActionResult.Done)).Status.ShouldBe("recorded");
        (await client.ReportAsync(reply.Id, BridgeActionResult.Done)).Status.ShouldBe("alreadyCompleted");
        (await client.PullAsync(TimeSpan.FromSeconds(1))).ShouldBeEmpty();
        await using var db = _host.Server.CreateDbContext();
        (await db.BridgeQueue.SingleAsync()).Status.ShouldBe(BridgeQueueStatus.Done);
    }

    [Fact]
    public async Task Pull_TwoPollersAtOnce_OnlyOneLeasesTheAction()
    {
        var client = await StartAsync(lease: "00:01:00");
        var first = client.PullAsync(TimeSpan.FromSeconds(4));
        var second = client.PullAsync(TimeSpan.FromSeconds(4));
        await client.SendAsync(BridgeEvent.MessagePosted("e1", "g-1", Wang, "签到", "m-1"));

        var leased = (await Task.WhenAll(first, second)).SelectMany(a => a).ToList();

        leased.ShouldHaveSingleItem().Type.ShouldBe(BridgeActionTypes.SendMessage);
        (await client.PullAsync(TimeSpan.FromSeconds(1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pull_LeaseRunsOutWithoutResult_OffersTheSameActionAgain()
    {
        var client = await StartAsync(lease: "00:00:02");
        await client.SendAsync(BridgeEvent.MessagePosted("e1", "g-1", Wang, "签到", "m-1"));
        var action = (await client.PullAsync(Wait)).ShouldHaveSingleItem();

        var again = (await client.PullAsync(Wait)).ShouldHaveSingleItem();

        again.Id.ShouldBe(action.Id);
        again.IdempotencyKey.ShouldBe(action.IdempotencyKey);
        again.LeaseExpiresAt!.Value.ShouldBeGreaterThan(action.LeaseExpiresAt!.Value);
        (again.LeaseExpiresAt.Value - action.LeaseExpiresAt.Value).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Pull_ModerationOfOneChat_OffersOneActionAtATimeInOrder()
    {
        var client = await StartAsync();
        await client.SendAsync(BridgeEvent.MessagePosted("e1", "g-1", new BridgeUser("wxid_ad", "广告哥"), "福利 http://spam.example.com", "m-ad1"));

        var delete = (await client.PullAsync(Wait, max: 10)).ShouldHaveSingleItem();
        delete.Type.ShouldBe(BridgeActionTypes.DeleteMessage);
        delete.MessageId.ShouldBe("m-ad1");
        (await client.PullAsync(TimeSpan.Zero)).ShouldBeEmpty();
        await client.ReportAsync(delete.Id, BridgeActionResult.Done);

        var warning = (await client.PullAsync(Wait)).ShouldHaveSingleItem();
        warning.Text.ShouldBe("⚠️ 广告哥 发布外部链接，警告 1/3");
    }

    [Fact]
    public async Task Pull_ReportRetryThenFailed_OffersAgainThenDeadLettersWithTheReason()
    {
        var client = await StartAsync();
        await client.SendAsync(BridgeEvent.MessagePosted("e1", "g-1", Wang, "签到", "m-1"));
        var action = (await client.PullAsync(Wait)).ShouldHaveSingleItem();

        await client.ReportAsync(action.Id, BridgeActionResult.Retry("微信风控，稍后再试", retryAfterSeconds: 3));
        (await client.PullAsync(TimeSpan.Zero)).ShouldBeEmpty();
        var again = (await client.PullAsync(Wait)).ShouldHaveSingleItem();
        again.IdempotencyKey.ShouldBe(action.IdempotencyKey);
        await client.ReportAsync(again.Id, BridgeActionResult.Failed("群已解散"));

        await using var db = _host.Server.CreateDbContext();
        var row = await Eventually.UntilAsync(() => db.Outbox.AsNoTracking().FirstOrDefaultAsync(), o => o?.Status == OutboxStatus.DeadLetter, what: "a dead letter");
        row!.LastError!.ShouldContain("群已解散");
    }

    [Fact]
    public async Task TestConnection_PullBridge_OkOnlyAfterItPulled()
    {
        var client = await StartAsync();
        Guid account;
        await using (var db = _host.Server.CreateDbContext())
            account = (await db.PlatformAccounts.AsNoTracking().SingleAsync(a => a.Platform == Core.Platforms.PlatformKind.Bridge)).Id;

        var before = await TestAsync(account);
        await client.PullAsync(TimeSpan.Zero);
        var after = await TestAsync(account);

        before.GetProperty("ok").GetBoolean().ShouldBeFalse();
        before.GetProperty("message").GetString()!.ShouldContain("not pulled");
        after.GetProperty("ok").GetBoolean().ShouldBeTrue();
    }

    private async Task<System.Text.Json.JsonElement> TestAsync(Guid account) =>
        await (await _host.Api.PostAsync($"/api/v1/platform-accounts/{account}/test", null)).Content
            .ReadFromJsonAsync<System.Text.Json.JsonElement>();

    [Fact]
    public async Task Pull_UnsignedOrOnPushAccount_IsRefused()
    {
        var client = await StartAsync();
        var pushing = await _host.CreateAccountAsync(new Uri("http://127.0.0.1:9/qunzhu"));

        var unsigned = await _host.Server.CreateClient().GetAsync(BridgeProtocol.ActionsPath(Guid.Empty) + "?wait=0");
        unsigned.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var forged = await Should.ThrowAsync<BridgeClientException>(() => _host.Client(pushing, secret: "forged-secret-forged-secret-forged-secret").PullAsync(TimeSpan.Zero));
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var push = await Should.ThrowAsync<BridgeClientException>(() => _host.Client(pushing).PullAsync(TimeSpan.Zero));
        push.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var unknown = await Should.ThrowAsync<BridgeClientException>(() => client.ReportAsync("424242", BridgeActionResult.Done));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }
}
