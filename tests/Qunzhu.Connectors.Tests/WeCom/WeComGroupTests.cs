using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;
using Qunzhu.Testing.WeCom;

namespace Qunzhu.Connectors.Tests.WeCom;

/// Group sync, joins and leaves read from groupchat/get, and attribution by join-way state.
public sealed class WeComGroupTests : WeComTest
{
    private const string Chat = "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA";

    private async Task<Guid> SyncedGroupAsync()
    {
        var g = Fake.AddGroup(Chat, "读书会");
        g.Add("wmOld", "老会员", Now - 3600, state: "old-poster");
        await SyncAsync();
        return await CommunityIdAsync(Chat);
    }

    [Fact]
    public async Task SyncGroups_NewGroups_CommunitiesWithMembersAndTheirStates()
    {
        Fake.AddGroup("wrA", "读书会").Add("wmA", "小王", Now - 60, state: "poster");
        Fake.AddGroup("wrB", "打卡群");

        var result = await SyncAsync();

        result.GetProperty("groups").GetInt32().ShouldBe(2);
        result.GetProperty("created").GetInt32().ShouldBe(2);
        var a = await CommunityIdAsync("wrA");
        var wang = (await MemberAsync(a, "小王")).ShouldNotBeNull();
        wang.GetProperty("inviteCode").GetString().ShouldBe("poster");
        (await MemberAsync(a, "张三")).ShouldNotBeNull().GetProperty("role").GetString().ShouldBe("owner");
    }

    [Fact]
    public async Task SyncGroups_Twice_SecondRenamesAndRecordsOnlyWhatChanged()
    {
        var id = await SyncedGroupAsync();
        Fake.Group(Chat).Name = "读书会（二群）";
        Fake.Group(Chat).Add("wmNew", "新人", Now);

        var second = await SyncAsync();

        second.GetProperty("created").GetInt32().ShouldBe(0);
        second.GetProperty("renamed").GetInt32().ShouldBe(1);
        second.GetProperty("joinsRecorded").GetInt32().ShouldBe(1);
        await Eventually.UntilAsync(() => MemberAsync(id, "新人"), m => m is not null, what: "the new member");
        (await JsonAsync(await Http.GetAsync(new Uri($"/api/v1/communities/{id}", UriKind.Relative), Ct), HttpStatusCode.OK))
            .GetProperty("name").GetString().ShouldBe("读书会（二群）");
    }

    [Fact]
    public async Task JoinThroughJoinWay_CustomerJoins_AttributedToTheChannelCode()
    {
        var id = await SyncedGroupAsync();
        var way = await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/platform-accounts/{AccountId}/wecom/join-ways",
            new { communityIds = new[] { id }, state = "spring-poster", remark = "春季海报" }, Ct), HttpStatusCode.Created);
        way.GetProperty("qrCode").GetString().ShouldStartWith("https://");
        Fake.JoinWays[way.GetProperty("configId").GetString()!]["state"]!.GetValue<string>().ShouldBe("spring-poster");

        Fake.Group(Chat).Add("wmNew", "小李", Now, state: "spring-poster");
        (await (await PushAsync(FakeWeComCallbacks.ExternalChat(Chat, "update", Now, "add_member", joinScene: 3, memChangeCnt: 1)))
            .Content.ReadAsStringAsync(Ct)).ShouldBe("success");

        var li = await Eventually.UntilAsync(() => MemberAsync(id, "小李"), m => m is not null, what: "the join");
        li!.Value.GetProperty("inviteCode").GetString().ShouldBe("spring-poster");
        var ways = await JsonAsync(await Http.GetAsync(new Uri($"/api/v1/platform-accounts/{AccountId}/wecom/join-ways", UriKind.Relative), Ct), HttpStatusCode.OK);
        var listed = ways.EnumerateArray().Single();
        listed.GetProperty("joins").GetInt32().ShouldBe(1);
        listed.GetProperty("activeMembers").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task UpdateCallback_ReplayedAndFollowUpRedoneAfterACrash_OneJoin()
    {
        var id = await SyncedGroupAsync();
        Fake.Group(Chat).Add("wmNew", "小李", Now, state: "poster");
        var xml = FakeWeComCallbacks.ExternalChat(Chat, "update", Now, "add_member", joinScene: 3, memChangeCnt: 1);
        for (var i = 0; i < 3; i++) await PushAsync(xml);
        await Eventually.UntilAsync(() => MemberAsync(id, "小李"), m => m is not null, what: "the join");

        // As if the node died after writing the join row but before remembering the reading and marking the work done.
        await using (var db = Server.CreateDbContext())
        {
            await db.WeComGroupMembers.Where(m => m.UserId == "wmNew").ExecuteDeleteAsync(Ct);
            await db.WeComFollowUps.ExecuteDeleteAsync(Ct);
        }
        var reads = Fake.CallsTo("externalcontact/groupchat/get").Count;
        await Eventually.UntilAsync(() => Task.FromResult(Fake.CallsTo("externalcontact/groupchat/get").Count), n => n > reads, what: "the redo");
        await Eventually.UntilAsync(async () =>
        {
            await using var db = Server.CreateDbContext();
            return await db.WeComFollowUps.CountAsync(f => f.DoneAt != null, Ct);
        }, n => n == 1, what: "the redo to finish");

        (await InboxCountAsync(e => e.StartsWith("fu:", StringComparison.Ordinal))).ShouldBe(1);
        (await InboxCountAsync(e => e.StartsWith("join:", StringComparison.Ordinal) && e.Contains("wmNew", StringComparison.Ordinal))).ShouldBe(1);
        (await MemberAsync(id, "小李"))!.Value.GetProperty("joinCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task DelMember_MemberGoneFromGroupChat_MembershipEnds()
    {
        var id = await SyncedGroupAsync();
        Fake.Group(Chat).Remove("wmOld");

        await PushAsync(FakeWeComCallbacks.ExternalChat(Chat, "update", Now, "del_member", quitScene: 0, memChangeCnt: 1, memChangeList: ["wmOld"]));

        var old = await Eventually.UntilAsync(() => MemberAsync(id, "老会员"), m => m?.TryGetProperty("leftAt", out var left) == true && left.ValueKind == System.Text.Json.JsonValueKind.String,
            what: "the leave");
        old!.Value.GetProperty("inviteCode").GetString().ShouldBe("old-poster");
    }

    [Fact]
    public async Task CreateCallback_UnknownGroup_CommunityDiscoveredWithItsMembers()
    {
        Fake.AddGroup("wrFresh", "新建群").Add("wmFirst", "首位客户", Now, state: "launch");

        await PushAsync(FakeWeComCallbacks.ExternalChat("wrFresh", "create", Now));

        var id = await Eventually.UntilAsync(async () =>
        {
            await using var db = Server.CreateDbContext();
            return await db.Communities.Where(c => c.ExternalId == "wrFresh").Select(c => (Guid?)c.Id).SingleOrDefaultAsync(Ct);
        }, c => c is not null, what: "the community");
        var first = await Eventually.UntilAsync(() => MemberAsync(id!.Value, "首位客户"), m => m is not null, what: "the member");
        first!.Value.GetProperty("inviteCode").GetString().ShouldBe("launch");
    }

    [Fact]
    public async Task UpdateCallback_RateLimited45009_FollowUpBacksOffInsteadOfRetryingAtOnce()
    {
        await SyncedGroupAsync();
        Fake.CallsPerMinute = 0;

        await PushAsync(FakeWeComCallbacks.ExternalChat(Chat, "update", Now, "add_member", memChangeCnt: 1));

        var row = await Eventually.UntilAsync(async () =>
        {
            await using var db = Server.CreateDbContext();
            return await db.WeComFollowUps.AsNoTracking().SingleOrDefaultAsync(Ct);
        }, r => r is not null, what: "the follow-up attempt");
        row!.DoneAt.ShouldBeNull();
        row.Attempts.ShouldBe(1);
        row.Error.ShouldNotBeNull().ShouldContain("45009");
        (row.NextAttemptAt - TimeProvider.System.GetUtcNow().UtcDateTime).ShouldBeGreaterThan(TimeSpan.FromSeconds(50));
    }

    [Fact]
    public async Task CommunityDetail_WeComGroup_SaysCheckInAutoReplyAndModerationAreUnavailable()
    {
        var id = await SyncedGroupAsync();

        var detail = await JsonAsync(await Http.GetAsync(new Uri($"/api/v1/communities/{id}", UriKind.Relative), Ct), HttpStatusCode.OK);

        detail.GetProperty("capabilities").GetProperty("readsMessages").GetBoolean().ShouldBeFalse();
        detail.GetProperty("capabilities").GetProperty("removesMembers").GetBoolean().ShouldBeFalse();
        var unavailable = detail.GetProperty("unavailable").EnumerateArray().ToList();
        unavailable.Select(u => u.GetProperty("feature").GetString()).ShouldBe(["checkIn", "autoReply", "moderation"]);
        unavailable.ShouldAllBe(u => u.GetProperty("reason").GetString()!.Contains("企业微信"));
        var list = await JsonAsync(await Http.GetAsync(new Uri("/api/v1/communities?platform=wecom", UriKind.Relative), Ct), HttpStatusCode.OK);
        list.GetProperty("items")[0].GetProperty("unavailable").GetArrayLength().ShouldBe(3);
    }
}
