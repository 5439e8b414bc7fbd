using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Testing;
using Qunzhu.Testing.WeCom;

namespace Qunzhu.Connectors.Tests.WeCom;

/// Welcome codes, group broadcasts, staff tasks for what WeCom does not allow, validation and tenancy.
public sealed class WeComMessagingTests : WeComTest
{
    private const string Chat = "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA";

    private async Task<Guid> SyncedGroupAsync(string chatId = Chat, string name = "读书会")
    {
        Fake.AddGroup(chatId, name).Add("wmBad", "广告哥", Now - 3600);
        await SyncAsync();
        return await CommunityIdAsync(chatId);
    }

    [Fact]
    public async Task AddExternalContact_WithWelcomeCode_SendsTheTemplatesWelcomeWithThatCode()
    {
        var templates = await JsonAsync(await Http.GetAsync(new Uri("/api/v1/templates", UriKind.Relative), Ct), HttpStatusCode.OK);
        var template = templates.EnumerateArray().Single(t => t.GetProperty("isDefault").GetBoolean());
        await JsonAsync(await Http.PutAsJsonAsync($"/api/v1/templates/{template.GetProperty("id").GetGuid()}",
            new { settings = new { welcome = new { text = "欢迎 {member}！我是你的专属顾问", coreRules = Array.Empty<string>() } } }, Ct), HttpStatusCode.OK);
        Fake.AddContact("wmCustomer", "小王");
        var code = Fake.IssueWelcomeCode();

        await PushAsync(FakeWeComCallbacks.ExternalContact("add_external_contact", "zhangsan", "wmCustomer", Now, state: "poster", welcomeCode: code));

        var sent = await Eventually.UntilAsync(() => Task.FromResult(Fake.Welcomes), w => w.Count > 0, what: "send_welcome_msg");
        sent.ShouldHaveSingleItem().ShouldBe((code, "欢迎 @小王！我是你的专属顾问"));
    }

    [Fact]
    public async Task AddExternalContact_CallbackOlderThanTwentySeconds_NothingSent()
    {
        var code = Fake.IssueWelcomeCode();

        await PushAsync(FakeWeComCallbacks.ExternalContact("add_external_contact", "zhangsan", "wmLate", Now - 60, welcomeCode: code));

        await Eventually.UntilAsync(async () =>
        {
            await using var db = Server.CreateDbContext();
            return db.WeComFollowUps.Select(f => f.Error).ToList();
        }, e => e.Count == 1 && e[0] is not null, what: "the follow-up");
        Fake.CallsTo("externalcontact/send_welcome_msg").ShouldBeEmpty();
    }

    [Fact]
    public async Task BlacklistedMemberRejoins_RemovalBecomesAStaffTaskExplainingAntiHarassment()
    {
        var id = await SyncedGroupAsync();
        var bad = (await MemberAsync(id, "广告哥")).ShouldNotBeNull().GetProperty("memberId").GetGuid();
        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/moderation/blacklist", new { memberId = bad, reason = "发广告" }, Ct), HttpStatusCode.Created);
        Fake.Group(Chat).Remove("wmBad");
        Fake.Group(Chat).Add("wmBad", "广告哥", Now);

        await PushAsync(FakeWeComCallbacks.ExternalChat(Chat, "update", Now, "add_member", joinScene: 3, memChangeCnt: 1));

        var tasks = await Eventually.UntilAsync(async () =>
            (await JsonAsync(await Http.GetAsync(new Uri("/api/v1/staff-tasks", UriKind.Relative), Ct), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList(),
            t => t.Any(x => x.GetProperty("kind").GetString() == "RemoveMember"), what: "the staff task");
        var removal = tasks.Single(t => t.GetProperty("kind").GetString() == "RemoveMember");
        removal.GetProperty("title").GetString()!.ShouldContain("广告哥");
        removal.GetProperty("detail").GetString()!.ShouldContain("防骚扰");
        Fake.Calls.ShouldNotContain(c => c.Method.Contains("del", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupMessage_Created_WaitsForStaffThenRefreshesToSent()
    {
        var id = await SyncedGroupAsync();

        var created = await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/platform-accounts/{AccountId}/wecom/group-messages",
            new { communityIds = new[] { id }, text = "今晚 8 点直播" }, Ct), HttpStatusCode.Created);

        var message = created.GetProperty("messages").EnumerateArray().Single();
        message.GetProperty("status").GetString().ShouldBe("waitingForConfirmation");
        message.GetProperty("statusText").GetString()!.ShouldContain("等待员工确认");
        message.GetProperty("sender").GetString().ShouldBe("zhangsan");
        var msgId = message.GetProperty("msgId").GetString()!;
        Fake.GroupMessages[msgId].Text.ShouldBe("今晚 8 点直播");

        Fake.ConfirmGroupMessage(msgId);
        var refreshed = await JsonAsync(await Http.PostAsync(new Uri(
            $"/api/v1/platform-accounts/{AccountId}/wecom/group-messages/{message.GetProperty("id").GetGuid()}/refresh", UriKind.Relative), null, Ct), HttpStatusCode.OK);
        refreshed.GetProperty("status").GetString().ShouldBe("sent");
        refreshed.GetProperty("groups")[0].GetProperty("status").GetString().ShouldBe("sent");
    }

    [Fact]
    public async Task GroupMessage_GroupOverTheMonthlyCap_ReportedAsRefused()
    {
        Fake.MonthlyCapPerChat = 1;
        var full = await SyncedGroupAsync();
        Fake.AddGroup("wrOther", "二群");
        await SyncAsync();
        var other = await CommunityIdAsync("wrOther");
        await Http.PostAsJsonAsync($"/api/v1/platform-accounts/{AccountId}/wecom/group-messages", new { communityIds = new[] { full }, text = "第一条" }, Ct);

        var second = await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/platform-accounts/{AccountId}/wecom/group-messages",
            new { communityIds = new[] { full, other }, text = "第二条" }, Ct), HttpStatusCode.Created);

        var groups = second.GetProperty("messages")[0].GetProperty("groups").EnumerateArray()
            .ToDictionary(g => g.GetProperty("communityId").GetGuid(), g => g.GetProperty("status").GetString());
        groups[full].ShouldBe("refused");
        groups[other].ShouldBe("waiting");
    }

    [Fact]
    public async Task JoinWay_SixGroupsOrLongState_400AndWeComNotCalled()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++) ids.Add(await SyncedGroupAsync($"wrG{i}", $"群{i}"));

        var six = await Http.PostAsJsonAsync($"/api/v1/platform-accounts/{AccountId}/wecom/join-ways", new { communityIds = ids, state = "ok" }, Ct);
        var longState = await Http.PostAsJsonAsync($"/api/v1/platform-accounts/{AccountId}/wecom/join-ways",
            new { communityIds = ids.Take(1), state = new string('x', 31) }, Ct);

        (await JsonAsync(six, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("communityIds")[0].GetString()!.ShouldContain("1 to 5");
        (await JsonAsync(longState, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("state")[0].GetString()!.ShouldContain("30");
        Fake.CallsTo("externalcontact/groupchat/add_join_way").ShouldBeEmpty();
    }

    [Fact]
    public async Task WeComEndpoints_AnotherWorkspace_404AndNothingCalled()
    {
        var id = await SyncedGroupAsync();
        using var other = await SecondWorkspace.CreateAsync(Server);
        var calls = Fake.Calls.Count;

        (await other.PostAsync(new Uri($"/api/v1/platform-accounts/{AccountId}/wecom/sync-groups", UriKind.Relative), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(new Uri($"/api/v1/platform-accounts/{AccountId}/wecom/join-ways", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/platform-accounts/{AccountId}/wecom/group-messages", new { communityIds = new[] { id }, text = "x" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Fake.Calls.Count.ShouldBe(calls);
    }

    [Fact]
    public async Task TestConnection_GoodAndBadSecret_SaysWhatWeComAnswered()
    {
        var ok = await JsonAsync(await Http.PostAsync(new Uri($"/api/v1/platform-accounts/{AccountId}/test", UriKind.Relative), null, Ct), HttpStatusCode.OK);
        await JsonAsync(await Http.PatchAsJsonAsync($"/api/v1/platform-accounts/{AccountId}", new { settings = new { secret = "wrong" } }, Ct), HttpStatusCode.OK);
        var bad = await JsonAsync(await Http.PostAsync(new Uri($"/api/v1/platform-accounts/{AccountId}/test", UriKind.Relative), null, Ct), HttpStatusCode.OK);

        ok.GetProperty("ok").GetBoolean().ShouldBeTrue();
        bad.GetProperty("ok").GetBoolean().ShouldBeFalse();
        bad.GetProperty("message").GetString()!.ShouldContain("40001");
        JsonSerializer.Serialize(bad).ShouldNotContain("wrong");
    }

    [Fact]
    public async Task CreateAccount_ShortEncodingAesKey_400NamingTheField()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/platform-accounts", new
        {
            platform = "wecom",
            name = "坏的",
            settings = new { corpId = FakeWeComServer.CorpId, secret = "s", token = "t", encodingAesKey = "tooShort" },
        }, Ct);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("encodingAesKey");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
