using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Sops;
using Qunzhu.Testing;
using static Qunzhu.Api.Tests.Sops.SopRequests;

namespace Qunzhu.Api.Tests.Sops;

/// <summary>SOPs end to end on sandbox groups, with a clock the test moves a day ahead.</summary>
public sealed class SopFlowTests : IAsyncDisposable
{
    private readonly ShiftedTimeProvider _time = new();
    private readonly QunzhuServer _server;
    private readonly SandboxClient _sandbox;

    public SopFlowTests()
    {
        _server = new QunzhuServer(services: s => s.AddSingleton<TimeProvider>(_time));
        _sandbox = new SandboxClient(_server.CreateApiClient());
    }

    private HttpClient Http => _sandbox.Http;

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// Moves the clock to just after the next scheduled step of the SOP is due.
    private async Task AdvanceToNextDueAsync(Guid sop, TimeSpan extra)
    {
        await using var db = _server.CreateDbContext();
        var next = await db.SopExecutions.Where(x => x.SopId == sop && x.Status == SopExecutionStatus.Scheduled).MinAsync(x => x.DueAt);
        var by = next - _time.GetUtcNow().UtcDateTime + extra;
        if (by > TimeSpan.Zero) _time.Advance(by);
    }

    [Fact]
    public async Task GroupSop_AppliedToSandboxGroup_PostsDay0NowDay1WhenItsTimeComesAndReportsOnTimeAndLate()
    {
        var group = await _sandbox.CreateGroupAsync("读书会");
        var sop = await CreateAsync(Http, new
        {
            name = "新群",
            kind = "group",
            steps = new[]
            {
                Step("groupCreated", "postToGroup", "📌 「{group}」群规：友善交流"),
                Step("groupCreated", "postToGroup", "🙋 第 1 天：请自我介绍", offsetDays: 1, at: "09:00"),
                Step("groupCreated", "postToGroup", "第 2 天：签到", offsetDays: 2, at: "09:00"),
            },
        });
        var id = sop.GetProperty("id").GetGuid();
        (await ApplyAsync(Http, id, group)).GetProperty("enrolled").GetInt32().ShouldBe(1);

        (await _sandbox.BotMessagesAsync(group, 1)).ShouldBe(["📌 「读书会」群规：友善交流"]);
        var report = await ExecutionsAsync(Http, id);
        report.GetProperty("summary").GetProperty("doneOnTime").GetInt32().ShouldBe(1);
        report.GetProperty("summary").GetProperty("scheduled").GetInt32().ShouldBe(2);

        // Day 1, 09:00 local: the introduction prompt, on time.
        await AdvanceToNextDueAsync(id, TimeSpan.FromSeconds(1));
        (await _sandbox.BotMessagesAsync(group, 2))[1].ShouldBe("🙋 第 1 天：请自我介绍");

        // The server was "down" for an hour past day 2's step: it still runs, once, and is reported late.
        await AdvanceToNextDueAsync(id, TimeSpan.FromHours(1));
        (await _sandbox.BotMessagesAsync(group, 3))[2].ShouldBe("第 2 天：签到");
        var done = await Eventually.UntilAsync(() => ExecutionsAsync(Http, id),
            r => r.GetProperty("summary").GetProperty("scheduled").GetInt32() == 0, what: "every step settled");
        var rows = done.GetProperty("items").EnumerateArray().OrderBy(r => r.GetProperty("stepNumber").GetInt32()).ToList();
        rows.Select(r => r.GetProperty("status").GetString()).ShouldBe(["doneOnTime", "doneOnTime", "doneLate"]);
        rows[2].GetProperty("lateByMinutes").GetDouble().ShouldBeGreaterThanOrEqualTo(60);
        var enrollments = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/sops/{id}/enrollments");
        enrollments.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task GroupSop_AutoApplyType_NewGroupOfThatTypeGetsDay0AndOtherTypesDoNot()
    {
        await CreateAsync(Http, new { name = "学习群", kind = "group", autoApplyTypes = new[] { "learning" }, steps = new[] { Step("groupCreated", "postToGroup", "学习群群规") } });
        var learning = await _sandbox.CreateGroupAsync("英语学习", "learning");
        var exchange = await _sandbox.CreateGroupAsync("交流群", "exchange");
        (await _sandbox.BotMessagesAsync(learning, 1)).ShouldBe(["学习群群规"]);
        await Task.Delay(1500);
        (await _sandbox.TranscriptAsync(exchange)).ShouldBeEmpty();
    }

    [Fact]
    public async Task MemberSop_JoinViaChannel_MessagesAndTasksTheJoinerAndExitsWhenTheyLeave()
    {
        var group = await _sandbox.CreateGroupAsync("团购群", "group-buy");
        var sop = await CreateAsync(Http, new
        {
            name = "新人跟进",
            kind = "member",
            trigger = new { on = "joined", inviteCode = "poster-1" },
            steps = new[]
            {
                Step("memberJoined", "messageMember", "{member} 你好，欢迎加入{group}！", offsetMinutes: 0),
                Step("memberJoined", "staffTask", "给 {member} 打个招呼", offsetMinutes: 0),
                Step("memberJoined", "messageMember", "{member}，第二天的新人福利", offsetDays: 1),
            },
        });
        var id = sop.GetProperty("id").GetGuid();
        await _sandbox.SendAsync(group, "join", "u1", memberName: "小王", inviteCode: "poster-1");
        await _sandbox.SendAsync(group, "join", "u2", memberName: "小李");

        var transcript = await Eventually.UntilAsync(() => _sandbox.TranscriptAsync(group), t => t.Any(l => l.Kind == "private"), what: "a private message");
        var dm = transcript.Single(l => l.Kind == "private");
        (dm.MemberId, dm.Text).ShouldBe(("u1", "小王 你好，欢迎加入团购群！"));
        var tasks = await Http.GetFromJsonAsync<JsonElement>("/api/v1/staff-tasks");
        tasks.ToString().ShouldContain("给 小王 打个招呼");

        // 小王 leaves before day 1: the rest of the SOP is skipped, with the reason, and nothing more is sent.
        await _sandbox.SendAsync(group, "leave", "u1");
        var report = await Eventually.UntilAsync(() => ExecutionsAsync(Http, id),
            r => r.GetProperty("summary").GetProperty("skipped").GetInt32() == 1, what: "the day-1 step skipped");
        report.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("status").GetString() == "skipped")
            .GetProperty("reason").GetString()!.ShouldContain("退群");
        _time.Advance(TimeSpan.FromDays(2));
        await Task.Delay(1500);
        (await _sandbox.TranscriptAsync(group)).Count(l => l.Kind == "private").ShouldBe(1);
        var enrollment = (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/sops/{id}/enrollments")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        enrollment.GetProperty("memberName").GetString().ShouldBe("小王");
        enrollment.GetProperty("status").GetString().ShouldBe("exited");
    }

    [Fact]
    public async Task MemberSop_PlatformCannotMessagePrivately_StaffTaskInsteadVisibleInReport()
    {
        var group = await _sandbox.CreateGroupAsync("私信受限群", "exchange", new { Capabilities = new { messagesMembersPrivately = false } });
        var sop = await CreateAsync(Http, new
        {
            name = "新人私信",
            kind = "member",
            trigger = new { on = "joined" },
            steps = new[] { Step("memberJoined", "messageMember", "{member} 你好") },
        });
        await _sandbox.SendAsync(group, "join", "u1", memberName: "小赵");
        var report = await Eventually.UntilAsync(() => ExecutionsAsync(Http, sop.GetProperty("id").GetGuid()),
            r => r.GetProperty("summary").GetProperty("doneOnTime").GetInt32() == 1, what: "the step done");
        report.GetProperty("items")[0].GetProperty("reason").GetString()!.ShouldContain("员工任务");
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/staff-tasks")).ToString().ShouldContain("私信 小赵");
        (await _sandbox.TranscriptAsync(group)).ShouldNotContain(l => l.Kind == "private");
    }

    [Fact]
    public async Task MemberSop_TaggedTrigger_StartsWhenTheTagIsAddedAndStopsOnExitTag()
    {
        var group = await _sandbox.CreateGroupAsync("会员群");
        await _sandbox.SendAsync(group, "join", "u1", memberName: "小周");
        await Eventually.UntilAsync(async () => { await using var db = _server.CreateDbContext(); return await db.Members.CountAsync(); }, n => n == 1);
        Guid member;
        await using (var db = _server.CreateDbContext()) member = await db.Members.Select(m => m.Id).SingleAsync();
        var sop = await CreateAsync(Http, new
        {
            name = "已下单跟进",
            kind = "member",
            trigger = new { on = "tagged", tag = "已下单" },
            exitTags = new[] { "已复购" },
            steps = new[] { Step("memberJoined", "messageMember", "感谢下单"), Step("memberJoined", "messageMember", "记得复购", offsetDays: 3) },
        });
        (await Http.PostAsJsonAsync($"/api/v1/members/{member}/tags", new { tags = new[] { "已下单" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(() => _sandbox.TranscriptAsync(group), t => t.Any(l => l.Kind == "private" && l.Text == "感谢下单"));
        (await Http.PostAsJsonAsync($"/api/v1/members/{member}/tags", new { tags = new[] { "已复购" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await ExecutionsAsync(Http, sop.GetProperty("id").GetGuid());
        report.GetProperty("summary").GetProperty("skipped").GetInt32().ShouldBe(1);
        report.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("status").GetString() == "skipped")
            .GetProperty("reason").GetString()!.ShouldContain("已复购");
    }
}
