using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Testing;

namespace Qunzhu.Bridge.Tests;

/// A group operated through a pushing bridge behaves like the sandbox: what members would see arrives
/// at the bridge as signed actions; what the bridge declared it cannot do becomes a staff task.
public sealed class BridgePushFlowTests : IAsyncDisposable
{
    private readonly BridgeHost _host = new();
    private FakeBridge? _bridge;

    private static BridgeUser Wang => new("wxid_wang", "小王");

    private static BridgeUser Spammer => new("wxid_ad", "广告哥");

    private async Task<(Guid Account, BridgeClient Client)> StartAsync(string capabilities = BridgeHost.AllCapabilities)
    {
        _bridge = await FakeBridge.StartAsync(BridgeHost.Secret);
        var account = await _host.CreateAccountAsync(_bridge.CallbackUrl, capabilities);
        var client = _host.Client(account);
        await client.SendAsync(BridgeEvent.ChatDiscovered("d1", "g-1", "读书会"));
        await _host.CommunityAsync(account, "g-1");
        return (account, client);
    }

    private async Task<IReadOnlyList<BridgeAction>> PerformedAsync(Func<IReadOnlyList<BridgeAction>, bool> done, string what)
    {
        try
        {
            return await Eventually.UntilAsync(() => Task.FromResult(_bridge!.Performed), done, what: what);
        }
        catch (TimeoutException ex)
        {
            await using var db = _host.Server.CreateDbContext();
            var outbox = await db.Outbox.AsNoTracking().OrderBy(o => o.Id).Select(o => $"{o.Kind} {o.Status} {o.Text} {o.LastError}").ToListAsync();
            var inbox = await db.Inbox.AsNoTracking().OrderBy(o => o.Sequence).Select(o => $"{o.PlatformEventId} {o.Status} {o.Error}").ToListAsync();
            throw new TimeoutException($"{ex.Message}\nperformed: {string.Join(" | ", _bridge!.Performed.Select(a => $"{a.Type} {a.Text}{a.MessageId}{a.UserId}"))}"
                + $"\noutbox: {string.Join(" | ", outbox)}\ninbox: {string.Join(" | ", inbox)}", ex);
        }
    }

    private static async Task<OutboundAction> OutboxRowAsync(Qunzhu.Storage.AppDbContext db, OutboxStatus status) =>
        (await Eventually.UntilAsync(() => db.Outbox.AsNoTracking().FirstOrDefaultAsync(), o => o?.Status == status, what: $"an outbox row {status}"))!;

    [Fact]
    public async Task BridgeGroup_WelcomeCheckInAutoReplyAndModeration_ArriveSignedAtTheBridge()
    {
        var (_, client) = await StartAsync();
        await _host.AddAutoReplyAsync("课表", "{member} 你好，课表见群公告");

        await client.SendAsync(BridgeEvent.MemberJoined("e1", "g-1", Wang, inviteCode: "poster-7"));
        await client.SendAsync(BridgeEvent.MessagePosted("e2", "g-1", Wang, "签到", "m-2"));
        await client.SendAsync(BridgeEvent.MessagePosted("e3", "g-1", Wang, "请问课表在哪", "m-3"));
        await client.SendAsync(
        [
            BridgeEvent.MessagePosted("e4", "g-1", Spammer, "福利看这里 http://spam.example.com", "m-ad1"),
            BridgeEvent.MessagePosted("e5", "g-1", Spammer, "加V信 abc12345 领福利", "m-ad2"),
            BridgeEvent.MessagePosted("e6", "g-1", Spammer, "电话 138 1234 5678", "m-ad3"),
        ]);

        var performed = await PerformedAsync(p => p.Any(a => a.Type == BridgeActionTypes.RemoveMember)
            && p.Any(a => a.Type == BridgeActionTypes.SendMessage && a.Text!.Contains("欢迎", StringComparison.Ordinal)), "welcome and removal");
        var texts = performed.Where(a => a.Type == BridgeActionTypes.SendMessage).Select(a => a.Text!).ToList();
        texts.ShouldContain(t => t.Contains("欢迎", StringComparison.Ordinal) && t.Contains("小王", StringComparison.Ordinal));
        texts.ShouldContain(t => t.Contains("小王 签到成功", StringComparison.Ordinal));
        texts.ShouldContain("小王 你好，课表见群公告");
        texts.ShouldContain("⚠️ 广告哥 发布外部链接，警告 1/3");
        texts.ShouldContain(t => t.Contains("禁言 60 分钟（2/3）", StringComparison.Ordinal));
        texts.ShouldContain(t => t.Contains("已移出群聊（3/3）", StringComparison.Ordinal));
        performed.Where(a => a.Type == BridgeActionTypes.DeleteMessage).Select(a => a.MessageId).ShouldBe(["m-ad1", "m-ad2", "m-ad3"], ignoreOrder: true);
        performed.ShouldContain(a => a.Type == BridgeActionTypes.MuteMember && a.UserId == "wxid_ad" && a.DurationSeconds == 3600);
        performed.Single(a => a.Type == BridgeActionTypes.RemoveMember).UserId.ShouldBe("wxid_ad");
        performed.ShouldAllBe(a => a.ChatId == "g-1");

        // A chat's actions arrive in order: the first ad is deleted before the warning about it is posted.
        var order = performed.Select(a => a.Type == BridgeActionTypes.DeleteMessage ? a.MessageId : a.Text).ToList();
        order.IndexOf("m-ad1").ShouldBeLessThan(order.IndexOf("⚠️ 广告哥 发布外部链接，警告 1/3"));
        _bridge!.Rejected.ShouldBe(0);
        performed.Select(a => a.IdempotencyKey).ShouldBeUnique();
    }

    [Fact]
    public async Task BridgeGroup_ReplayedEventId_HasOneEffect()
    {
        var (_, client) = await StartAsync();
        var checkIn = BridgeEvent.MessagePosted("e1", "g-1", Wang, "签到", "m-1");

        (await client.SendAsync(checkIn)).ShouldBe(new BridgeAccepted(1, 0));
        (await client.SendAsync(checkIn)).ShouldBe(new BridgeAccepted(0, 1));
        (await client.SendAsync([checkIn, BridgeEvent.MessagePosted("e2", "g-1", Wang, "签到", "m-2")])).ShouldBe(new BridgeAccepted(1, 1));

        // e2 is a real second check-in the same day: answered "already", after the one success.
        var performed = await PerformedAsync(p => p.Count >= 2, "two replies");
        performed.Count(a => a.Text!.Contains("签到成功", StringComparison.Ordinal)).ShouldBe(1);
        await Task.Delay(TimeSpan.FromSeconds(1));
        _bridge!.Performed.Count.ShouldBe(2);
        await using var db = _host.Server.CreateDbContext();
        (await db.CheckIns.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task BridgeGroup_RemovesMembersNotDeclared_OpensStaffTaskInsteadOfRemoving()
    {
        var (_, client) = await StartAsync("readsMessages,postsFreely,deletesMessages");
        for (var i = 1; i <= 3; i++)
            await client.SendAsync(BridgeEvent.MessagePosted($"e{i}", "g-1", Spammer, $"看 http://spam{i}.example.com", $"m-{i}"));

        var tasks = await Eventually.UntilAsync(async () =>
        {
            await using var db = _host.Server.CreateDbContext();
            return await db.StaffTasks.AsNoTracking().ToListAsync();
        }, t => t.Any(x => x.Kind == nameof(BotActionKind.RemoveMember)), what: "a removal staff task");
        var removal = tasks.Single(t => t.Kind == nameof(BotActionKind.RemoveMember));
        removal.Title.ShouldContain("广告哥");
        removal.Title.ShouldContain("读书会");
        tasks.ShouldContain(t => t.Kind == nameof(BotActionKind.MuteMember));

        var performed = await PerformedAsync(p => p.Count(a => a.Type == BridgeActionTypes.DeleteMessage) == 3, "three deletions");
        performed.ShouldNotContain(a => a.Type == BridgeActionTypes.RemoveMember || a.Type == BridgeActionTypes.MuteMember);
        _bridge!.Requests.ShouldNotContain(r => r.Action.Type == BridgeActionTypes.RemoveMember);
    }

    [Fact]
    public async Task BridgeGroup_JoinRequested_ApprovedAtTheBridge_OrAStaffTaskWhenNotDeclared()
    {
        var (_, client) = await StartAsync();
        await client.SendAsync(BridgeEvent.JoinRequested("e1", "g-1", Wang, answer: "朋友推荐"));

        var approve = (await PerformedAsync(p => p.Count >= 1, "an approval")).Single();
        approve.Type.ShouldBe(BridgeActionTypes.ApproveJoin);
        approve.UserId.ShouldBe("wxid_wang");

        var limited = await _host.CreateAccountAsync(_bridge!.CallbackUrl, "readsMessages,postsFreely");
        var other = _host.Client(limited);
        await other.SendAsync([BridgeEvent.ChatDiscovered("d1", "g-2", "二群"), BridgeEvent.JoinRequested("e1", "g-2", Wang)]);
        var task = await Eventually.UntilAsync(async () =>
        {
            await using var db = _host.Server.CreateDbContext();
            return await db.StaffTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Kind == nameof(BotActionKind.ApproveJoinRequest));
        }, t => t is not null, what: "an approval staff task");
        task!.Title.ShouldContain("二群");
        _bridge.Requests.Count(r => r.Action.Type == BridgeActionTypes.ApproveJoin).ShouldBe(1);
    }

    [Fact]
    public async Task ReceiveEvents_AccountDisabled_Returns403AndStoresNothing()
    {
        var (account, client) = await StartAsync();
        (await _host.Api.PostAsync($"/api/v1/platform-accounts/{account}/disable", null)).IsSuccessStatusCode.ShouldBeTrue();
        var before = await _host.InboxCountAsync(account);

        var error = await Should.ThrowAsync<BridgeClientException>(() => client.SendAsync(BridgeEvent.MessagePosted("e1", "g-1", Wang, "签到", "m-1")));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await _host.InboxCountAsync(account)).ShouldBe(before);
    }

    [Fact]
    public async Task Communities_BridgeNotReadingMessages_ShowCheckInAndModerationUnavailableWithWhy()
    {
        _bridge = await FakeBridge.StartAsync(BridgeHost.Secret);
        var reading = await _host.CreateAccountAsync(_bridge.CallbackUrl);
        var blind = await _host.CreateAccountAsync(_bridge.CallbackUrl, "postsFreely");
        await _host.Client(reading).SendAsync(BridgeEvent.ChatDiscovered("d1", "g-r", "能读消息的群"));
        await _host.Client(blind).SendAsync(BridgeEvent.ChatDiscovered("d1", "g-b", "读不到消息的群"));
        var readingGroup = await _host.CommunityAsync(reading, "g-r");
        var blindGroup = await _host.CommunityAsync(blind, "g-b");

        var list = (await _host.Api.GetFromJsonAsync<JsonElement>("/api/v1/communities?platform=bridge")).GetProperty("items").EnumerateArray().ToList();
        var detail = await _host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{blindGroup.Id}");

        list.Single(c => c.GetProperty("id").GetGuid() == readingGroup.Id).TryGetProperty("unavailable", out _).ShouldBeFalse();
        list.Single(c => c.GetProperty("id").GetGuid() == blindGroup.Id).GetProperty("unavailable").EnumerateArray()
            .Select(f => f.GetString()).ShouldBe(["checkIn", "autoReply", "moderation"]);
        detail.GetProperty("capabilities").GetProperty("postsFreely").GetBoolean().ShouldBeTrue();
        detail.GetProperty("capabilities").GetProperty("removesMembers").GetBoolean().ShouldBeFalse();
        detail.GetProperty("unavailable")[0].GetProperty("reason").GetString()!.ShouldContain("readsMessages");
    }

    [Fact]
    public async Task Delivery_BridgeAnswers429WithRetryAfter_WaitsThatLongThenDeliversOnce()
    {
        var (_, client) = await StartAsync();
        var refused = 0;
        _bridge!.Respond = _ => Interlocked.Increment(ref refused) == 1 ? new RetryLater(2) : null;

        await client.SendAsync(BridgeEvent.MessagePosted("e1", "g-1", Wang, "签到", "m-1"));

        await PerformedAsync(p => p.Count == 1, "the reply after the retry");
        var requests = _bridge.Requests;
        requests.Count.ShouldBe(2);
        requests[1].Action.IdempotencyKey.ShouldBe(requests[0].Action.IdempotencyKey);
        (requests[1].At - requests[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
        await using var db = _host.Server.CreateDbContext();
        var row = await OutboxRowAsync(db, OutboxStatus.Delivered);
        row.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Delivery_BridgeAnswers400_DeadLettersWithTheBridgesReason()
    {
        var (_, client) = await StartAsync();
        _bridge!.Respond = _ => Results.Problem(statusCode: 400, detail: "chat g-1 was dissolved");

        await client.SendAsync(BridgeEvent.MessagePosted("e1", "g-1", Wang, "签到", "m-1"));

        await using var db = _host.Server.CreateDbContext();
        var row = await OutboxRowAsync(db, OutboxStatus.DeadLetter);
        row.LastError!.ShouldContain("chat g-1 was dissolved");
        row.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task TestConnection_PushBridge_SendsSignedPing()
    {
        var (account, _) = await StartAsync();

        var response = await _host.Api.PostAsync($"/api/v1/platform-accounts/{account}/test", null);

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("ok").GetBoolean().ShouldBeTrue(result.ToString());
        _bridge!.Pings.ShouldBe(1);
    }

    [Fact]
    public async Task TestConnection_BridgeRefusesSignature_ReportsWhatItSaid()
    {
        _bridge = await FakeBridge.StartAsync("the-bridge-knows-another-secret-0000000");
        var account = await _host.CreateAccountAsync(_bridge.CallbackUrl);

        var response = await _host.Api.PostAsync($"/api/v1/platform-accounts/{account}/test", null);

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("ok").GetBoolean().ShouldBeFalse();
        result.GetProperty("message").GetString()!.ShouldContain("401");
        _bridge.Rejected.ShouldBe(1);
    }

    [Fact]
    public async Task CreateAccount_ShortSecret_Returns400AndNothingIsCreated()
    {
        var response = await _host.Api.PostAsJsonAsync("/api/v1/platform-accounts", new
        {
            platform = "bridge",
            name = "RPA",
            settings = new { sharedSecret = "short", capabilities = "none" },
        });

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("sharedSecret");
        await using var db = _host.Server.CreateDbContext();
        (await db.PlatformAccounts.CountAsync(a => a.Platform == PlatformKind.Bridge)).ShouldBe(0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bridge is not null) await _bridge.DisposeAsync();
        await _host.DisposeAsync();
    }

    /// 429 Too Many Requests with Retry-After in seconds, as a rate-limited bridge answers.
    private sealed class RetryLater(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }
}
