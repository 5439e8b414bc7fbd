using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Access;

/// An Operator reads only their communities' data, through every API that returns community data.
public sealed class OperatorReadScopeTests : SandboxTest
{
    private static List<Guid> Ids(JsonElement items, string property = "id") =>
        [.. items.EnumerateArray().Select(i => i.GetProperty(property).GetGuid())];

    private static JsonElement Items(JsonElement page) => page.GetProperty("items");

    [Fact]
    public async Task Operator_CommunitiesTagsMembersAndBoards_OnlyTheirGroups()
    {
        var w = await OperatorWorld.CreateAsync(Server, Sandbox);

        Ids(Items(await w.GetAsync("/api/v1/communities"))).Order().ShouldBe(new[] { w.Mine, w.WeComMine }.Order());
        Items(await w.GetAsync("/api/v1/communities?tag=秘密标签")).GetArrayLength().ShouldBe(0);
        (await w.GetAsync("/api/v1/community-tags")).EnumerateArray().Select(t => t.GetProperty("tag").GetString()).ShouldBe(["公开标签"]);
        foreach (var path in new[] { "", "/tags", "/variables", "/members", "/leaderboard", "/invite-links" })
            await w.NotFoundAsync($"/api/v1/communities/{w.Other}{path}");
        await w.NotFoundAsync($"/api/v1/sandbox/groups/{w.Other}/transcript");

        // Members: the one only in the other group does not exist; the one in both shows only what happened in mine.
        var members = Items(await w.GetAsync("/api/v1/members")).EnumerateArray().Select(m => m.GetProperty("displayName").GetString()).ToList();
        members.ShouldContain("小王");
        members.ShouldNotContain("小李");
        await w.NotFoundAsync($"/api/v1/members/{w.OtherMember}");
        await w.NotFoundAsync($"/api/v1/members/{w.OtherMember}/points");
        var both = await w.GetAsync($"/api/v1/members/{w.BothMember}");
        Ids(both.GetProperty("groups"), "communityId").ShouldBe([w.Mine]);
        both.GetProperty("recentViolations").GetArrayLength().ShouldBe(0);
        both.GetProperty("messages").GetInt32().ShouldBe(1);
        both.GetProperty("checkIns").GetInt32().ShouldBe(1);
        Items((await w.GetAsync($"/api/v1/members/{w.BothMember}/points")).GetProperty("entries")).EnumerateArray()
            .ShouldAllBe(e => e.GetProperty("communityId").GetGuid() == w.Mine);

        Items(await w.GetAsync("/api/v1/moderation/violations")).GetArrayLength().ShouldBe(0);
        (await w.GetAsync("/api/v1/moderation/blacklist")).GetArrayLength().ShouldBe(0);
        var dashboard = await w.GetAsync("/api/v1/dashboard");
        dashboard.GetProperty("communities").GetInt32().ShouldBe(2);
        dashboard.GetProperty("violationsToday").GetInt32().ShouldBe(0);
        Items(await w.GetAsync("/api/v1/staff-tasks")).EnumerateArray().Select(t => t.GetProperty("title").GetString()).ShouldBe(["我的任务"]);
        (await w.GetAsync("/api/v1/templates"))[0].GetProperty("communities").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Operator_RulesDeliveriesAccountsAndBroadcasts_OnlyTheirGroups()
    {
        var w = await OperatorWorld.CreateAsync(Server, Sandbox);

        var rules = await w.GetAsync("/api/v1/auto-replies");
        rules.EnumerateArray().Select(r => r.GetProperty("reply").GetString()).ShouldBe(["全体的回复"]);
        await w.NotFoundAsync($"/api/v1/auto-replies/{w.OtherRule}");

        var deliveries = Items(await w.GetAsync("/api/v1/deliveries?pageSize=200"));
        deliveries.GetArrayLength().ShouldBeGreaterThan(0);
        deliveries.EnumerateArray().ShouldAllBe(d => d.GetProperty("communityId").GetGuid() == w.Mine);
        Items(await w.GetAsync($"/api/v1/deliveries?communityId={w.Other}")).GetArrayLength().ShouldBe(0);
        (await w.GetAsync("/api/v1/deliveries/inbox")).GetProperty("failed").GetProperty("total").GetInt32().ShouldBe(0);

        var accounts = Ids(await w.GetAsync("/api/v1/platform-accounts"));
        accounts.ShouldContain(w.WeCom);
        accounts.ShouldNotContain(w.Bridge);
        await w.NotFoundAsync($"/api/v1/platform-accounts/{w.Bridge}");
        await w.NotFoundAsync($"/api/v1/platform-accounts/{w.Bridge}/wecom/group-messages");

        var ways = await w.GetAsync($"/api/v1/platform-accounts/{w.WeCom}/wecom/join-ways");
        Ids(ways).ShouldBe([w.SharedJoinWay]);
        ways[0].GetProperty("communityIds").EnumerateArray().Select(c => c.GetGuid()).ShouldBe([w.WeComMine]);
        var messages = (await w.GetAsync($"/api/v1/platform-accounts/{w.WeCom}/wecom/group-messages")).GetProperty("messages");
        messages.GetArrayLength().ShouldBe(1);
        messages[0].GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("communityId").GetGuid()).ShouldBe([w.WeComMine]);

        Ids(Items(await w.GetAsync("/api/v1/broadcasts"))).ShouldBe([w.MineBroadcast]);
        foreach (var path in new[] { "", "/runs", "/deliveries" })
            await w.NotFoundAsync($"/api/v1/broadcasts/{w.OtherBroadcast}{path}");
        (await w.GetAsync($"/api/v1/broadcasts/{w.MineBroadcast}")).GetProperty("id").GetGuid().ShouldBe(w.MineBroadcast);
    }

    [Fact]
    public async Task Admin_SameWorld_SeesEveryGroupsData()
    {
        var w = await OperatorWorld.CreateAsync(Server, Sandbox);

        // The filters narrow Operators only: the bootstrap key sees all of it (so the assertions above can fail).
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/communities")).GetProperty("total").GetInt32().ShouldBe(5);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/templates"))[0].GetProperty("communities").GetInt32().ShouldBe(5);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/auto-replies")).GetArrayLength().ShouldBe(2);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/moderation/blacklist")).GetArrayLength().ShouldBe(1);
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/platform-accounts/{w.WeCom}/wecom/join-ways")).GetArrayLength().ShouldBe(2);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/broadcasts")).GetProperty("total").GetInt32().ShouldBe(2);
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/members/{w.BothMember}")).GetProperty("recentViolations").GetArrayLength().ShouldBe(1);
    }
}
