using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Access;

/// An Operator changes only their own groups; a Viewer changes nothing; a disabled or demoted person is refused at once.
public sealed class OperatorWriteScopeTests : SandboxTest
{
    [Fact]
    public async Task Operator_TagsTemplatesAndRulesOfOtherGroups_RefusedAndNothingStored()
    {
        var w = await OperatorWorld.CreateAsync(Server, Sandbox);
        var op = w.Operator;
        await (await op.PutAsJsonAsync($"/api/v1/communities/{w.Other}/tags", new { tags = new[] { "x" } })).JsonAsync(HttpStatusCode.NotFound);
        var apply = await (await op.PostAsJsonAsync("/api/v1/community-tags/apply", new { communityIds = new[] { w.Mine, w.Other }, add = new[] { "x" } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        apply.GetProperty("errors").GetProperty("communityIds")[0].GetString()!.ShouldContain(w.Other.ToString());
        var template = (await op.GetFromJsonAsync<JsonElement>("/api/v1/templates"))[0].GetProperty("id").GetGuid();
        await (await op.PostAsJsonAsync($"/api/v1/templates/{template}/apply", new { communityIds = new[] { w.Other } })).JsonAsync(HttpStatusCode.BadRequest);
        await (await op.PutAsJsonAsync($"/api/v1/communities/{w.Other}/overrides", new { checkIn = new { points = 1 } })).JsonAsync(HttpStatusCode.NotFound);
        await (await op.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { "k" }, reply = "r", communityId = w.Other })).JsonAsync(HttpStatusCode.BadRequest);
        var everywhere = await (await op.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { "k" }, reply = "r" })).JsonAsync(HttpStatusCode.BadRequest);
        everywhere.GetProperty("errors").GetProperty("communityId")[0].GetString()!.ShouldContain("Operators add rules to one of their own groups");
        await (await op.DeleteAsync($"/api/v1/auto-replies/{w.OtherRule}")).JsonAsync(HttpStatusCode.NotFound);
        (await op.PostAsJsonAsync("/api/v1/moderation/blacklist", new { memberId = w.BothMember })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var db = Server.CreateDbContext();
        (await db.CommunityTags.CountAsync(t => t.Tag == "x")).ShouldBe(0);
        (await db.Communities.SingleAsync(c => c.Id == w.Other)).TemplateId.ShouldBeNull();
        (await db.AutoReplyRules.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Operator_OwnGroup_TagsTemplateAndGroupRuleSaved()
    {
        var w = await OperatorWorld.CreateAsync(Server, Sandbox);
        var op = w.Operator;
        await (await op.PostAsJsonAsync("/api/v1/community-tags/apply", new { communityIds = new[] { w.Mine, w.WeComMine }, add = new[] { "夜读" } }))
            .JsonAsync(HttpStatusCode.NoContent);
        var template = (await op.GetFromJsonAsync<JsonElement>("/api/v1/templates"))[0].GetProperty("id").GetGuid();
        (await (await op.PostAsJsonAsync($"/api/v1/templates/{template}/apply", new { communityIds = new[] { w.Mine } })).JsonAsync(HttpStatusCode.OK))
            .GetProperty("applied").GetInt32().ShouldBe(1);
        var rule = await (await op.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { "作业" }, reply = "作业在群文件", communityId = w.Mine }))
            .JsonAsync(HttpStatusCode.Created);
        await Sandbox.SendAsync(w.Mine, "message", "u1", "今天的作业呢", memberName: "小王");
        (await Sandbox.BotMessagesAsync(w.Mine, 4)).ShouldContain("作业在群文件");
        await (await op.DeleteAsync($"/api/v1/auto-replies/{rule.GetProperty("id").GetGuid()}")).JsonAsync(HttpStatusCode.NoContent);
        (await op.GetFromJsonAsync<JsonElement>("/api/v1/communities?tag=夜读")).GetProperty("total").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Viewer_TagsAndGroupRules_403()
    {
        await StaffSignIn.CreateStaffAsync(Http, "viewer@example.com", "viewer", "viewer password 1");
        var group = await Sandbox.CreateGroupAsync("只读群");
        var viewer = await StaffSignIn.SignInAsync(Server, "viewer@example.com", "viewer password 1");
        (await viewer.GetAsync($"/api/v1/communities/{group}/tags")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PutAsJsonAsync($"/api/v1/communities/{group}/tags", new { tags = new[] { "x" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync("/api/v1/community-tags/apply", new { communityIds = new[] { group }, add = new[] { "x" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { "k" }, reply = "r", communityId = group })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_DisabledOrDemoted_NextRequest401WithoutWaitingForTheCookieCheck()
    {
        var group = await Sandbox.CreateGroupAsync("管理员的群");
        var adminId = await StaffSignIn.CreateStaffAsync(Http, "admin2@example.com", "admin", "admin password 12");
        var opId = await StaffSignIn.CreateStaffAsync(Http, "op2@example.com", "operator", "operator password 2");
        var admin = await StaffSignIn.SignInAsync(Server, "admin2@example.com", "admin password 12");
        var op = await StaffSignIn.SignInAsync(Server, "op2@example.com", "operator password 2");
        (await admin.GetAsync($"/api/v1/communities/{group}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await op.GetAsync("/api/v1/communities")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Http.PatchAsJsonAsync($"/api/v1/staff/{adminId}", new { role = "viewer" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Http.PatchAsJsonAsync($"/api/v1/staff/{opId}", new { disabled = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        foreach (var client in new[] { admin, op })
        {
            var refused = await (await client.GetAsync("/api/v1/communities")).JsonAsync(HttpStatusCode.Unauthorized);
            refused.GetProperty("detail").GetString()!.ShouldContain("Sign in again");
        }
        (await admin.PatchAsJsonAsync($"/api/v1/communities/{group}", new { name = "被降级后改名" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var db = Server.CreateDbContext();
        (await db.Communities.SingleAsync(c => c.Id == group)).Name.ShouldBe("管理员的群");
        // Signing in again gives the new role: reads work, writes are a Viewer's.
        var again = await StaffSignIn.SignInAsync(Server, "admin2@example.com", "admin password 12");
        (await again.GetAsync($"/api/v1/communities/{group}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.PatchAsJsonAsync($"/api/v1/communities/{group}", new { name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
