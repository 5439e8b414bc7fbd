using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;
using static Qunzhu.Api.Tests.Sops.SopRequests;

namespace Qunzhu.Api.Tests.Sops;

public sealed class SopsApiTests : SandboxTest
{
    [Fact]
    public async Task CreateSop_InvalidSteps_ProblemDetailsPerFieldAndNothingStored()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/sops", new
        {
            name = "新人",
            kind = "group",
            steps = new object[]
            {
                Step("memberJoined", "postToGroup", "hi"),
                Step("groupCreated", "messageMember", "hi"),
                new { anchor = "weekly", action = "postToGroup", text = "周话题", weekday = "someday" },
                Step("groupCreated", "postToGroup", at: "25:00"),
            },
            quietHours = new { from = "22:00", to = "22:00" },
        });
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("steps[0].anchor")[0].GetString()!.ShouldContain("group SOP has no joining member");
        errors.GetProperty("steps[1].action")[0].GetString()!.ShouldContain("no member to message");
        errors.GetProperty("steps[2].weekday")[0].GetString()!.ShouldContain("monday");
        errors.GetProperty("steps[2].at")[0].GetString()!.ShouldContain("HH:mm");
        errors.GetProperty("steps[3].at")[0].GetString()!.ShouldContain("25:00");
        errors.GetProperty("steps[3].text")[0].GetString()!.ShouldContain("Write what to send");
        errors.GetProperty("quietHours")[0].GetString()!.ShouldContain("from ≠ to");
        await using var db = Server.CreateDbContext();
        (await db.Sops.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task CreateSop_MemberSopWithoutTrigger_AsksWhatStartsIt()
    {
        var problem = await (await Http.PostAsJsonAsync("/api/v1/sops", new { name = "新人", kind = "member", steps = new[] { Step("memberJoined", "messageMember", "你好") } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("trigger.on")[0].GetString()!.ShouldContain("joined");
    }

    [Fact]
    public async Task AddBuiltIn_NewGroup7Days_CreatesAnEditableChineseSopWithDay0RulesToDay7()
    {
        var list = await (await Http.GetAsync("/api/v1/sops/built-in")).JsonAsync(HttpStatusCode.OK);
        list[0].GetProperty("key").GetString().ShouldBe("new-group-7-days");
        var sop = await (await Http.PostAsync("/api/v1/sops/built-in/new-group-7-days", null)).JsonAsync(HttpStatusCode.Created);
        sop.GetProperty("name").GetString().ShouldBe("新群 7 天 SOP");
        var steps = sop.GetProperty("steps").EnumerateArray().ToList();
        steps[0].GetProperty("text").GetString()!.ShouldContain("群规");
        steps[1].GetProperty("offsetDays").GetInt32().ShouldBe(1);
        steps[1].GetProperty("text").GetString()!.ShouldContain("自我介绍");
        steps.Where(s => s.GetProperty("offsetDays").GetInt32() == 3).Select(s => s.TryGetProperty("text", out var t) ? t.GetString() : null).ShouldContain(t => t != null && t.Contains("小测验"));
        steps.Max(s => s.GetProperty("offsetDays").GetInt32()).ShouldBe(7);

        // Editable like any other: keep the steps, change the name and the day-0 text.
        var id = sop.GetProperty("id").GetGuid();
        var edited = steps.Select((s, i) => new
        {
            id = s.GetProperty("id").GetGuid(),
            anchor = s.GetProperty("anchor").GetString(),
            action = s.GetProperty("action").GetString(),
            offsetDays = s.GetProperty("offsetDays").GetInt32(),
            at = s.TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString()![..5] : null,
            text = i == 0 ? "我们的群规：友善交流" : s.TryGetProperty("text", out var text) ? text.GetString() : null,
            tag = s.TryGetProperty("tag", out var tag) ? tag.GetString() : null,
        }).ToList();
        var updated = await (await Http.PutAsJsonAsync($"/api/v1/sops/{id}", new { name = "读书会新群 SOP", kind = "group", steps = edited }))
            .JsonAsync(HttpStatusCode.OK);
        updated.GetProperty("name").GetString().ShouldBe("读书会新群 SOP");
        updated.GetProperty("steps")[0].GetProperty("text").GetString().ShouldBe("我们的群规：友善交流");
        updated.GetProperty("steps")[0].GetProperty("id").GetGuid().ShouldBe(steps[0].GetProperty("id").GetGuid());
        (await (await Http.PostAsync("/api/v1/sops/built-in/nope", null)).JsonAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString()!.ShouldContain("new-group-7-days");
    }

    [Fact]
    public async Task Sops_OtherWorkspace_CannotSeeApplyOrReadExecutions()
    {
        var group = await Sandbox.CreateGroupAsync();
        var sop = await CreateAsync(Http, new { name = "建群", kind = "group", steps = new[] { Step("groupCreated", "postToGroup", "欢迎") } });
        var id = sop.GetProperty("id").GetGuid();
        var other = await SecondWorkspace.CreateAsync(Server);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/sops")).GetArrayLength().ShouldBe(0);
        (await other.GetAsync($"/api/v1/sops/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/sops/{id}/executions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/sops/{id}/apply", new { communityIds = new[] { group } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Their own SOP cannot reach our group either.
        var theirs = await CreateAsync(other, new { name = "x", kind = "group", steps = new[] { Step("groupCreated", "postToGroup", "x") } });
        var refused = await (await other.PostAsJsonAsync($"/api/v1/sops/{theirs.GetProperty("id").GetGuid()}/apply", new { communityIds = new[] { group } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        refused.GetProperty("errors").GetProperty("targets.communityIds")[0].GetString()!.ShouldContain("exists in your workspace");
        (await other.PostAsync("/api/v1/sops/built-in/new-group-7-days", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/sops")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Sops_WithoutKey_Unauthorized()
    {
        var anonymous = Server.CreateClient();
        (await anonymous.GetAsync("/api/v1/sops")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/topics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Apply_SameGroupTwice_SecondIsAlreadyRunningAndAddsNoRows()
    {
        var group = await Sandbox.CreateGroupAsync();
        var sop = await CreateAsync(Http, new { name = "建群", kind = "group", steps = new[] { Step("groupCreated", "postToGroup", "欢迎", offsetDays: 1) } });
        var id = sop.GetProperty("id").GetGuid();
        (await ApplyAsync(Http, id, group)).GetProperty("enrolled").GetInt32().ShouldBe(1);
        var again = await ApplyAsync(Http, id, group);
        again.GetProperty("enrolled").GetInt32().ShouldBe(0);
        again.GetProperty("alreadyRunning").GetInt32().ShouldBe(1);
        (await ExecutionsAsync(Http, id)).GetProperty("summary").GetProperty("scheduled").GetInt32().ShouldBe(1);
    }
}
