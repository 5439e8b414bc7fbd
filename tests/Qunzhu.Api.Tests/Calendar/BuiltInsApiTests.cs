using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Calendar;

/// Starting from a built-in 早报 / 晚报 / 08:00 task: one call, a library item and its recurring broadcast.
public sealed class BuiltInsApiTests : SandboxTest
{
    [Fact]
    public async Task List_DefaultWorkspace_ThreeChineseTemplatesWithTheirSchedules()
    {
        var list = await Http.GetFromJsonAsync<JsonElement>("/api/v1/content/builtins");
        list.EnumerateArray().Select(b => (b.GetProperty("key").GetString(), b.GetProperty("title").GetString(), b.GetProperty("cron").GetString()))
            .ShouldBe([("morning-report", "早报", "30 7 * * *"), ("evening-report", "晚报", "0 21 * * *"), ("daily-task", "每日任务（08:00）", "0 8 * * *")]);
        list.EnumerateArray().ShouldAllBe(b => b.GetProperty("text").GetString()!.Contains("{group}") && b.GetProperty("text").GetString()!.Contains("{date}"));
    }

    [Fact]
    public async Task Start_MorningReportAsDraft_ItemAndDraftBroadcastUntilResumedThenItSends()
    {
        var group = await Sandbox.CreateGroupAsync("读书会", "learning");
        var started = await (await Http.PostAsJsonAsync("/api/v1/content/builtins/morning-report/start",
            new { targets = new { communityIds = new[] { group } }, schedule = new { cron = "*/2 * * * * *" } })).JsonAsync(HttpStatusCode.Created);
        var content = started.GetProperty("content");
        (content.GetProperty("kind").GetString(), content.GetProperty("title").GetString()).ShouldBe(("text", "早报"));
        var id = started.GetProperty("broadcast").GetProperty("id").GetGuid();
        started.GetProperty("broadcast").GetProperty("status").GetString().ShouldBe("draft");
        started.GetProperty("broadcast").GetProperty("contentId").GetGuid().ShouldBe(content.GetProperty("id").GetGuid());
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/content/{content.GetProperty("id").GetGuid()}")).GetProperty("text").GetString()!.ShouldContain("早报");

        // A draft sends nothing, whatever its schedule says.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        (await Sandbox.TranscriptAsync(group)).ShouldNotContain(l => l.From == "bot");

        (await Http.PostAsync($"/api/v1/broadcasts/{id}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = (await Sandbox.BotMessagesAsync(group, 1, TimeSpan.FromSeconds(15)))[0];
        message.ShouldStartWith("☀️【读书会·早报】");
        message.ShouldContain("早上好，大家！");
        (await Http.PostAsync($"/api/v1/broadcasts/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_InvalidTargetsOrUnknownKey_ProblemAndNoItemStored()
    {
        var bad = await (await Http.PostAsJsonAsync("/api/v1/content/builtins/evening-report/start", new { targets = new { communityIds = new[] { Guid.NewGuid() } } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").TryGetProperty("targets.communityIds", out _).ShouldBeTrue();
        var unknown = await (await Http.PostAsJsonAsync("/api/v1/content/builtins/lunch-report/start", new { targets = new { communityTypes = new[] { "learning" } } }))
            .JsonAsync(HttpStatusCode.NotFound);
        unknown.GetProperty("detail").GetString()!.ShouldContain("morning-report");
        await using var db = Server.CreateDbContext();
        (await db.ContentItems.AsNoTracking().CountAsync()).ShouldBe(0);
        (await db.Broadcasts.AsNoTracking().CountAsync()).ShouldBe(0);
    }
}
