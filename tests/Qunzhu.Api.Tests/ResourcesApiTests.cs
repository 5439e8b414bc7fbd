using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// The REST resources, each proven by what the bot then does in a sandbox group.
public sealed class ResourcesApiTests : SandboxTest
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<Guid> MemberIdAsync(string name) =>
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/members?search={Uri.EscapeDataString(name)}")).GetProperty("items")[0].GetProperty("id").GetGuid();

    [Fact]
    public async Task AutoReply_Contains_RepliesWithMemberNameThenRespectsCooldown()
    {
        var group = await Sandbox.CreateGroupAsync();
        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/auto-replies",
            new { keywords = new[] { "课表" }, match = "contains", reply = "{member} 你好，课表见群公告" }), HttpStatusCode.Created);

        await Sandbox.SendAsync(group, "message", "u1", "请问课表在哪", memberName: "小王");
        await Sandbox.SendAsync(group, "message", "u2", "课表呢", memberName: "小李");
        (await Sandbox.BotMessagesAsync(group, 1))[0].ShouldBe("小王 你好，课表见群公告");
        await Task.Delay(700);
        (await Sandbox.TranscriptAsync(group)).Count(l => l.From == "bot").ShouldBe(1);
    }

    [Fact]
    public async Task AutoReply_GroupScoped_AnswersOnlyThere_RegexToo()
    {
        var here = await Sandbox.CreateGroupAsync("这里");
        var there = await Sandbox.CreateGroupAsync("那里");
        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/auto-replies",
            new { keywords = new[] { @"^第\d+课" }, match = "regex", reply = "作业见群文件", communityId = here }), HttpStatusCode.Created);

        await Sandbox.SendAsync(there, "message", "u1", "第3课作业");
        await Sandbox.SendAsync(here, "message", "u1", "第3课作业");
        (await Sandbox.BotMessagesAsync(here, 1))[0].ShouldBe("作业见群文件");
        (await Sandbox.TranscriptAsync(there)).ShouldNotContain(l => l.From == "bot");
    }

    [Fact]
    public async Task AutoReply_InvalidRegexOrBothScopes_Returns400SayingWhy()
    {
        var bad = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/auto-replies",
            new { keywords = new[] { "(unclosed" }, match = "regex", reply = "x" }), HttpStatusCode.BadRequest);
        bad.GetProperty("errors").GetProperty("keywords")[0].GetString()!.ShouldContain("(unclosed");
        var both = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/auto-replies",
            new { keywords = new[] { "a" }, reply = "x", templateId = Guid.NewGuid(), communityId = Guid.NewGuid() }), HttpStatusCode.BadRequest);
        both.GetProperty("errors").TryGetProperty("communityId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task AutoReply_UpdateAndDelete_TakeEffect()
    {
        var group = await Sandbox.CreateGroupAsync();
        var rule = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/auto-replies",
            new { keywords = new[] { "价格" }, reply = "旧答案", cooldownSeconds = 0 }), HttpStatusCode.Created);
        var id = rule.GetProperty("id").GetGuid();
        await JsonAsync(await Http.PutAsJsonAsync($"/api/v1/auto-replies/{id}",
            new { keywords = new[] { "价格" }, reply = "新答案", cooldownSeconds = 0 }), HttpStatusCode.OK);
        await Sandbox.SendAsync(group, "message", "u1", "价格多少");
        (await Sandbox.BotMessagesAsync(group, 1))[0].ShouldBe("新答案");

        (await Http.DeleteAsync($"/api/v1/auto-replies/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Sandbox.SendAsync(group, "message", "u1", "价格多少？");
        await Task.Delay(700);
        (await Sandbox.TranscriptAsync(group)).Count(l => l.From == "bot").ShouldBe(1);
    }

    [Fact]
    public async Task Template_EditedWelcomeAndRules_UsedInNextGreeting_AppliedToManyGroups()
    {
        var first = await Sandbox.CreateGroupAsync("一群");
        var second = await Sandbox.CreateGroupAsync("二群");
        var template = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/templates", new
        {
            name = "读书会模板",
            settings = new { welcome = new { text = "欢迎 {member} 来到 {group}", coreRules = new[] { "每天读书打卡", "禁止广告" }, batchWindowSeconds = 0 } },
        }), HttpStatusCode.Created);
        var id = template.GetProperty("id").GetGuid();
        (await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/templates/{id}/apply", new { communityIds = new[] { first, second } }), HttpStatusCode.OK))
            .GetProperty("applied").GetInt32().ShouldBe(2);

        await Sandbox.SendAsync(second, "join", "u1", memberName: "小王");
        (await Sandbox.BotMessagesAsync(second, 1))[0].ShouldBe("欢迎 @小王 来到 二群\n群规：\n1. 每天读书打卡\n2. 禁止广告");
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/templates/{id}")).GetProperty("communities").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Template_DefaultCannotBeDeleted_DuplicateNameConflicts()
    {
        var list = await Http.GetFromJsonAsync<JsonElement>("/api/v1/templates");
        var defaultId = list.EnumerateArray().Single(t => t.GetProperty("isDefault").GetBoolean()).GetProperty("id").GetGuid();
        (await JsonAsync(await Http.DeleteAsync($"/api/v1/templates/{defaultId}"), HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("default");
        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/templates", new { name = "A" }), HttpStatusCode.Created);
        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/templates", new { name = "A" }), HttpStatusCode.Conflict);
        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/templates/" + defaultId + "/apply", new { communityIds = new[] { Guid.NewGuid() } }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Template_SameNameAtTheSameMoment_One201RestConflict()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Http.PostAsJsonAsync("/api/v1/templates", new { name = "同时创建" })));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(11);
    }

    [Theory]
    [InlineData("""{"name":"n1","settings":{"welcome":{"coreRules":null}}}""", "coreRules")]
    [InlineData("""{"name":"n2","settings":{"welcome":{"coreRules":["禁止广告",null]}}}""", "coreRules")]
    [InlineData("""{"name":"n3","settings":{"moderation":{"ladder":[null]}}}""", "ladder")]
    [InlineData("""{"name":"n4","settings":{"checkIn":{"streakBonuses":[null,{"days":3,"points":5}]}}}""", "streakBonuses")]
    [InlineData("""{"name":"n5","settings":{"moderation":{"ladder":[{"action":1}]}}}""", "action")]
    public async Task Template_NullsOrNumericEnums_400NamingTheField(string body, string field)
    {
        var response = await Http.PostAsync("/api/v1/templates", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        problem.ToString().ShouldContain(field);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/templates")).EnumerateArray()
            .ShouldNotContain(t => t.GetProperty("name").GetString()!.StartsWith('n'));
    }

    [Fact]
    public async Task SensitiveWords_ImportedFromTextFile_MessageWarnedAndDeleted()
    {
        var group = await Sandbox.CreateGroupAsync();
        var import = await Http.PostAsync("/api/v1/moderation/sensitive-words/import", new StringContent("赌博\n代开发票\n\n赌博\n", System.Text.Encoding.UTF8, "text/plain"));
        var result = await JsonAsync(import, HttpStatusCode.OK);
        result.GetProperty("added").GetInt32().ShouldBe(2);
        result.GetProperty("skipped").GetInt32().ShouldBe(1);

        await Sandbox.SendAsync(group, "message", "u1", "有人需要代 开 发 票吗", memberName: "小王", eventId: "m1");
        (await Sandbox.BotMessagesAsync(group, 1))[0].ShouldBe("⚠️ 小王 发布违规内容，警告 1/3");
        var line = await Eventually.UntilAsync(() => Sandbox.TranscriptAsync(group), t => t.Any(l => l.EventId == "m1" && l.Deleted == true));
        line.ShouldNotBeEmpty();
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/moderation/sensitive-words")).GetProperty("total").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task AllowedDomain_LinkPasses_OtherDomainFlagged_DryRunAgrees()
    {
        var group = await Sandbox.CreateGroupAsync();
        (await JsonAsync(await Http.PutAsJsonAsync("/api/v1/moderation/settings", new { allowedDomains = new[] { "https://www.QQ.com/path" } }), HttpStatusCode.OK))
            .GetProperty("allowedDomains")[0].GetString().ShouldBe("qq.com");
        await JsonAsync(await Http.PutAsJsonAsync("/api/v1/moderation/settings", new { allowedDomains = new[] { "not a domain" } }), HttpStatusCode.BadRequest);

        (await JsonAsync(await Http.PostAsJsonAsync("/api/v1/moderation/scan", new { text = "看 https://mp.weixin.qq.com/s/x" }), HttpStatusCode.OK))
            .TryGetProperty("finding", out _).ShouldBeFalse();
        (await JsonAsync(await Http.PostAsJsonAsync("/api/v1/moderation/scan", new { text = "看 https://spam.example.com" }), HttpStatusCode.OK))
            .GetProperty("finding").GetProperty("kind").GetString().ShouldBe("externalLink");

        await Sandbox.SendAsync(group, "message", "u1", "文章 https://mp.weixin.qq.com/s/x", memberName: "小王");
        await Sandbox.SendAsync(group, "message", "u1", "看 https://spam.example.com");
        (await Sandbox.BotMessagesAsync(group, 1))[0].ShouldContain("发布外部链接，警告 1/3");
    }

    [Fact]
    public async Task Whitelist_ExemptsMember_ManualBlacklistRemovesOnJoin_UnblacklistLetsIn()
    {
        var group = await Sandbox.CreateGroupAsync();
        await Sandbox.SendAsync(group, "message", "vip", "大家好", memberName: "老师");
        await Sandbox.SendAsync(group, "message", "bad", "大家好", memberName: "捣乱者");
        await Eventually.UntilAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/v1/members"), m => m.GetProperty("total").GetInt32() == 2);
        var teacher = await MemberIdAsync("老师");
        var troublemaker = await MemberIdAsync("捣乱者");

        (await Http.PatchAsJsonAsync($"/api/v1/members/{teacher}", new { isWhitelisted = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Sandbox.SendAsync(group, "message", "vip", "资料 https://example.com/notes");

        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/moderation/blacklist", new { memberId = troublemaker, reason = "骚扰" }), HttpStatusCode.Created);
        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/moderation/blacklist", new { memberId = troublemaker }), HttpStatusCode.Conflict);
        var other = await Sandbox.CreateGroupAsync("新群");
        await Sandbox.SendAsync(other, "join", "bad");
        (await Eventually.UntilAsync(() => Sandbox.TranscriptAsync(other), t => t.Any(l => l.Kind == "removed"))).Single(l => l.Kind == "removed").MemberId.ShouldBe("bad");
        (await Sandbox.TranscriptAsync(group)).ShouldNotContain(l => l.From == "bot");

        (await Http.DeleteAsync($"/api/v1/moderation/blacklist/{troublemaker}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var third = await Sandbox.CreateGroupAsync("第三群");
        await Sandbox.SendAsync(third, "join", "bad");
        (await Sandbox.BotMessagesAsync(third, 1))[0].ShouldContain("欢迎");
        (await Sandbox.TranscriptAsync(third)).ShouldNotContain(l => l.Kind == "removed");
    }

    [Fact]
    public async Task MemberProfileAndPoints_AfterCheckIns_ShowBalanceGroupsAndViolations()
    {
        var group = await Sandbox.CreateGroupAsync("晨读营");
        await Sandbox.SendAsync(group, "message", "u1", "签到", memberName: "小王");
        await Sandbox.SendAsync(group, "message", "u1", "看 http://spam.example.com");
        await Sandbox.BotMessagesAsync(group, 2);
        var id = await MemberIdAsync("小王");

        var profile = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        profile.GetProperty("points").GetInt32().ShouldBe(10);
        profile.GetProperty("checkIns").GetInt32().ShouldBe(1);
        profile.GetProperty("groups")[0].GetProperty("communityName").GetString().ShouldBe("晨读营");
        profile.GetProperty("recentViolations")[0].GetProperty("kind").GetString().ShouldBe("externalLink");
        var points = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}/points");
        points.GetProperty("balance").GetInt32().ShouldBe(10);
        points.GetProperty("entries").GetProperty("items")[0].GetProperty("reason").GetString().ShouldBe("check-in");
    }

    [Fact]
    public async Task StaffTask_MarkedDone_LeavesOpenList()
    {
        var group = await Sandbox.CreateGroupAsync("企微群", extra: new { Capabilities = new { deletesMessages = false } });
        await Sandbox.SendAsync(group, "message", "u1", "看 http://spam.example.com");
        var open = await Eventually.UntilAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/v1/staff-tasks"), t => t.GetProperty("total").GetInt32() == 1);
        var id = open.GetProperty("items")[0].GetProperty("id").GetGuid();

        (await Http.PostAsync($"/api/v1/staff-tasks/{id}/done", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/staff-tasks")).GetProperty("total").GetInt32().ShouldBe(0);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/staff-tasks?status=done")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Deliveries_ListDelivered_InboxReportShowsNothingFailed()
    {
        var group = await Sandbox.CreateGroupAsync();
        await Sandbox.SendAsync(group, "message", "u1", "签到");
        await Sandbox.BotMessagesAsync(group, 1);
        var delivered = await Eventually.UntilAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/v1/deliveries?status=delivered"),
            d => d.GetProperty("total").GetInt32() == 1);
        delivered.GetProperty("items")[0].GetProperty("kind").GetString().ShouldBe("sendMessage");
        var inbox = await Http.GetFromJsonAsync<JsonElement>("/api/v1/deliveries/inbox");
        inbox.GetProperty("failed").GetProperty("total").GetInt32().ShouldBe(0);
        (await Http.PostAsync($"/api/v1/deliveries/{delivered.GetProperty("items")[0].GetProperty("id").GetInt64()}/retry", null)).StatusCode
            .ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Workspace_InvalidTimeZone_400_EnglishLocaleChangesBotLanguage()
    {
        (await JsonAsync(await Http.PatchAsJsonAsync("/api/v1/workspace", new { timeZoneId = "Mars/Olympus" }), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("timeZoneId")[0].GetString()!.ShouldContain("IANA");
        await JsonAsync(await Http.PatchAsJsonAsync("/api/v1/workspace", new { locale = "en-US", timeZoneId = "Europe/Berlin" }), HttpStatusCode.OK);

        var group = await Sandbox.CreateGroupAsync();
        await Sandbox.SendAsync(group, "message", "u1", "签到", memberName: "Wang");
        (await Sandbox.BotMessagesAsync(group, 1))[0].ShouldStartWith("✅ Wang checked in! #1 today");
    }

    [Fact]
    public async Task OtherWorkspace_CannotSeeOrTouchThisWorkspacesData()
    {
        var group = await Sandbox.CreateGroupAsync("私密群");
        await Sandbox.SendAsync(group, "message", "u1", "签到", memberName: "小王");
        await Sandbox.BotMessagesAsync(group, 1);
        var member = await MemberIdAsync("小王");
        var rule = (await JsonAsync(await Http.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { "a" }, reply = "b" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var template = (await Http.GetFromJsonAsync<JsonElement>("/api/v1/templates"))[0].GetProperty("id").GetGuid();

        var other = await SecondWorkspace.CreateAsync(Server);
        foreach (var url in new[]
                 {
                     $"/api/v1/communities/{group}", $"/api/v1/members/{member}", $"/api/v1/members/{member}/points",
                     $"/api/v1/auto-replies/{rule}", $"/api/v1/templates/{template}", $"/api/v1/sandbox/groups/{group}/transcript",
                 })
            (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        (await other.PostAsJsonAsync($"/api/v1/sandbox/groups/{group}/events", new { kind = "message", memberId = "x", text = "hi" })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/communities")).GetProperty("total").GetInt32().ShouldBe(0);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/members")).GetProperty("total").GetInt32().ShouldBe(0);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/auto-replies")).GetArrayLength().ShouldBe(0);
        (await other.DeleteAsync($"/api/v1/auto-replies/{rule}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Http.GetAsync($"/api/v1/auto-replies/{rule}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
