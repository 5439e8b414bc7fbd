using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// The five-minute tour from the README, as tests: a real server, SQLite made by migrations.
public sealed class SandboxFlowTests : SandboxTest
{
    [Fact]
    public async Task Api_WithoutKey_Returns401ProblemDetails()
    {
        var response = await Server.CreateClient().GetAsync("/api/v1/communities");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Bearer");
    }

    [Fact]
    public async Task Api_WithWrongKey_Returns401()
    {
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "qz_not_a_real_key_000000000000");
        (await client.GetAsync("/api/v1/communities")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Join_TwoMembersWithinWindow_GreetedInOneMessageWithRules()
    {
        var group = await Sandbox.CreateGroupAsync("读书会");
        await Sandbox.SendAsync(group, "join", "u1", memberName: "小王");
        await Sandbox.SendAsync(group, "join", "u2", memberName: "小李");

        var messages = await Sandbox.BotMessagesAsync(group, 1);
        await Task.Delay(500);
        (await Sandbox.TranscriptAsync(group)).Count(l => l.From == "bot").ShouldBe(1);
        messages[0].ShouldContain("@小王");
        messages[0].ShouldContain("@小李");
        messages[0].ShouldContain("读书会");
    }

    [Fact]
    public async Task CheckIn_TwiceSameDay_SecondAnsweredWithoutPoints()
    {
        var group = await Sandbox.CreateGroupAsync();
        await Sandbox.SendAsync(group, "message", "u1", "签到", memberName: "小王");
        await Sandbox.SendAsync(group, "message", "u2", "打卡", memberName: "小李");
        await Sandbox.SendAsync(group, "message", "u1", "签到");

        var replies = await Sandbox.BotMessagesAsync(group, 3);
        replies[0].ShouldContain("小王 签到成功");
        replies[0].ShouldContain("今天第 1 位");
        replies[0].ShouldContain("连续 1 天");
        replies[0].ShouldContain("+10 积分");
        replies[1].ShouldContain("今天第 2 位");
        replies[2].ShouldContain("已经签到过了");

        await using var db = Server.CreateDbContext();
        var member = await db.Members.SingleAsync(m => m.DisplayName == "小王");
        (await db.PointsLedger.Where(p => p.MemberId == member.Id).SumAsync(p => p.Amount)).ShouldBe(10);
    }

    [Fact]
    public async Task Event_ReplayedWithSameEventId_HasOneEffect()
    {
        var group = await Sandbox.CreateGroupAsync();
        for (var i = 0; i < 3; i++)
        {
            var response = await Sandbox.PostAsync(group, "message", "u1", "签到", eventId: "same-event");
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            body.GetProperty("duplicate").GetBoolean().ShouldBe(i > 0);
        }
        await Sandbox.BotMessagesAsync(group, 1);
        await Task.Delay(700);

        var transcript = await Sandbox.TranscriptAsync(group);
        transcript.Count(l => l.From == "u1").ShouldBe(1);
        transcript.Count(l => l.From == "bot").ShouldBe(1);
        await using var db = Server.CreateDbContext();
        (await db.PointsLedger.CountAsync()).ShouldBe(1);
        (await db.CheckIns.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task EventIds_AreScopedToTheirGroup()
    {
        var first = await Sandbox.CreateGroupAsync("一群");
        var second = await Sandbox.CreateGroupAsync("二群");
        await Sandbox.SendAsync(first, "message", "u1", "签到", eventId: "e1");
        var response = await Sandbox.PostAsync(second, "message", "u1", "签到", eventId: "e1");

        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean().ShouldBeFalse();
        (await Sandbox.BotMessagesAsync(second, 1))[0].ShouldContain("签到成功");
    }

    [Theory]
    [InlineData("""{"kind":"dance","memberId":"u1"}""", "kind")]
    [InlineData("""{"kind":"message","memberId":"u1"}""", "text")]
    [InlineData("""{"kind":"join"}""", "memberId")]
    public async Task PostEvent_InvalidInput_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var group = await Sandbox.CreateGroupAsync();
        var response = await Http.PostAsync($"/api/v1/sandbox/groups/{group}/events",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        await using var db = Server.CreateDbContext();
        (await db.Inbox.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task PostEvent_MalformedJson_Returns400WithPosition()
    {
        var group = await Sandbox.CreateGroupAsync();
        var response = await Http.PostAsync($"/api/v1/sandbox/groups/{group}/events",
            new StringContent("""{"kind":"message",""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("LineNumber");
    }

    [Fact]
    public async Task PostEvent_TextOverLimit_Returns400()
    {
        var group = await Sandbox.CreateGroupAsync();
        var response = await Sandbox.PostAsync(group, "message", "u1", new string('字', 4001));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("4000");
    }

    [Fact]
    public async Task PostEvent_EventIdLongerThanItsStoredForm_Returns400AndStoresNothing()
    {
        // Stored as "{group}/{eventId}" in a 128-character column: 95 characters fit, 96 do not.
        var group = await Sandbox.CreateGroupAsync();
        var longest = await Http.PostAsJsonAsync($"/api/v1/sandbox/groups/{group}/events",
            new { kind = "message", memberId = "u1", text = "hi", eventId = new string('e', 95) });
        longest.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var tooLong = await Http.PostAsJsonAsync($"/api/v1/sandbox/groups/{group}/events",
            new { kind = "message", memberId = "u1", text = "别存我", eventId = new string('e', 96) });
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("95");
        (await Sandbox.TranscriptAsync(group)).ShouldNotContain(l => l.Text == "别存我");
    }

    [Fact]
    public async Task PostEvent_UnknownGroup_Returns404()
    {
        var response = await Sandbox.PostAsync(Guid.NewGuid(), "message", "u1", "hi");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task CreateGroup_UnknownType_Returns400ListingTypes()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/sandbox/groups", new { name = "x", type = "party" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("check-in");
    }

    [Fact]
    public async Task JoinRequest_Approved_ThenJoinsAndIsGreeted_BlacklistedDeclined()
    {
        var group = await Sandbox.CreateGroupAsync("审核群");
        await Sandbox.SendAsync(group, "joinRequest", "u1", memberName: "小王");
        var welcome = await Sandbox.BotMessagesAsync(group, 1);
        welcome[0].ShouldContain("@小王");
        var transcript = await Sandbox.TranscriptAsync(group);
        transcript.ShouldContain(l => l.From == "bot" && l.Kind == "approved" && l.MemberId == "u1");
        transcript.ShouldContain(l => l.From == "u1" && l.Kind == "join");

        await Sandbox.SendAsync(group, "message", "u9", "你好", memberName: "捣乱者");
        var id = (await Eventually.UntilAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/v1/members?search=" + Uri.EscapeDataString("捣乱者")),
            m => m.GetProperty("total").GetInt32() == 1)).GetProperty("items")[0].GetProperty("id").GetGuid();
        (await Http.PostAsJsonAsync("/api/v1/moderation/blacklist", new { memberId = id, reason = "骚扰" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var other = await Sandbox.CreateGroupAsync("另一个审核群");
        await Sandbox.SendAsync(other, "joinRequest", "u9");
        var declined = await Eventually.UntilAsync(() => Sandbox.TranscriptAsync(other), t => t.Any(l => l.Kind == "declined"), what: "a declined request");
        declined.ShouldNotContain(l => l.Kind == "join");
    }
}
