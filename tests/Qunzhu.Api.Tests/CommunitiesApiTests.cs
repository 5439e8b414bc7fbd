using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

public sealed class CommunitiesApiTests : SandboxTest
{
    [Fact]
    public async Task OpenApi_Document_DescribesRoutesAndBearerAuth()
    {
        var json = await Server.CreateClient().GetStringAsync("/openapi/v1.json");
        json.ShouldContain("/api/v1/sandbox/groups/{id}/events");
        json.ShouldContain("/api/v1/communities/{id}/leaderboard");
        json.ShouldContain("\"bearer\"");
        (await Server.CreateClient().GetAsync("/api/reference")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Leaderboard_TodayStreakTotal_RankedAsMembersCheckedIn()
    {
        var group = await Sandbox.CreateGroupAsync("晨读营", "check-in");
        await Sandbox.SendAsync(group, "message", "u1", "签到", memberName: "小王");
        await Sandbox.SendAsync(group, "message", "u2", "签到", memberName: "小李");
        await Sandbox.BotMessagesAsync(group, 2);

        var today = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{group}/leaderboard?by=today");
        today.GetArrayLength().ShouldBe(2);
        today[0].GetProperty("displayName").GetString().ShouldBe("小王");
        today[1].GetProperty("rank").GetInt32().ShouldBe(2);

        var streak = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{group}/leaderboard?by=streak");
        streak.EnumerateArray().Select(e => e.GetProperty("value").GetInt32()).ShouldBe([1, 1]);

        var bad = await Http.GetAsync($"/api/v1/communities/{group}/leaderboard?by=points");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("today, streak or total");
    }

    [Fact]
    public async Task List_SearchAndTypeFilter_FindsTheGroup()
    {
        await Sandbox.CreateGroupAsync("团购一群", "group-buy");
        await Sandbox.CreateGroupAsync("读书会", "learning");

        var page = await Http.GetFromJsonAsync<JsonElement>("/api/v1/communities?type=group-buy");
        page.GetProperty("total").GetInt32().ShouldBe(1);
        page.GetProperty("items")[0].GetProperty("type").GetString().ShouldBe("group-buy");
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/communities?search=读书")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Overrides_CheckInPointsForOneGroup_AppliedThereOnly()
    {
        var special = await Sandbox.CreateGroupAsync("加分群");
        var normal = await Sandbox.CreateGroupAsync("普通群");
        var put = await Http.PutAsJsonAsync($"/api/v1/communities/{special}/overrides",
            new { checkIn = new { keywords = new[] { "签到" }, points = 50, streakBonuses = Array.Empty<object>() } });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);

        await Sandbox.SendAsync(special, "message", "u1", "签到", memberName: "小王");
        await Sandbox.SendAsync(normal, "message", "u2", "签到", memberName: "小李");
        (await Sandbox.BotMessagesAsync(special, 1))[0].ShouldContain("+50 积分");
        (await Sandbox.BotMessagesAsync(normal, 1))[0].ShouldContain("+10 积分");

        var detail = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{special}");
        detail.GetProperty("effectiveSettings").GetProperty("checkIn").GetProperty("points").GetInt32().ShouldBe(50);
    }

    [Fact]
    public async Task Overrides_Invalid_Returns400WithField()
    {
        var group = await Sandbox.CreateGroupAsync();
        var put = await Http.PutAsJsonAsync($"/api/v1/communities/{group}/overrides",
            new { welcome = new { coreRules = new[] { "1", "2", "3", "4" } } });
        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await put.Content.ReadAsStringAsync()).ShouldContain("overrides.welcome.coreRules");
    }

    [Fact]
    public async Task Get_OtherId_Returns404Problem()
    {
        var response = await Http.GetAsync($"/api/v1/communities/{Guid.NewGuid()}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("in your workspace");
    }
}
