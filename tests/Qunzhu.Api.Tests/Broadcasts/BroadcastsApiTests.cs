using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Broadcasts;

/// Broadcasts end to end on the sandbox: what each group's members see, and what the API reports.
public sealed class BroadcastsApiTests : SandboxTest
{
    private async Task<JsonElement> CreateAsync(object body) =>
        await (await Http.PostAsJsonAsync("/api/v1/broadcasts", body)).JsonAsync(HttpStatusCode.Created);

    private async Task<JsonElement> WaitForStatusAsync(Guid id, string status) =>
        await Eventually.UntilAsync(() => Http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}"),
            b => b.GetProperty("status").GetString() == status, what: $"broadcast {status}");

    [Fact]
    public async Task Create_TextNowToTypeAndTag_EachTargetGetsItsOwnTextOnceAndProgressCompletes()
    {
        var learning1 = await Sandbox.CreateGroupAsync("读书会一", "learning");
        var learning2 = await Sandbox.CreateGroupAsync("读书会二", "learning");
        var tagged = await Sandbox.CreateGroupAsync("北京团购", "group-buy");
        var other = await Sandbox.CreateGroupAsync("上海团购", "group-buy");
        (await Http.PutAsJsonAsync($"/api/v1/communities/{tagged}/tags", new { tags = new[] { "北京" } })).EnsureSuccessStatusCode();
        (await Http.PutAsJsonAsync($"/api/v1/communities/{learning1}/variables", new { values = new { teacher = "李老师" } })).EnsureSuccessStatusCode();

        var created = await CreateAsync(new
        {
            content = new { text = "「{group}」早上好，{member}！{teacher}" },
            targets = new { communityTypes = new[] { "learning" }, tags = new[] { "北京" } },
        });
        var id = created.GetProperty("id").GetGuid();
        var done = await WaitForStatusAsync(id, "completed");

        var progress = done.GetProperty("progress");
        (progress.GetProperty("total").GetInt32(), progress.GetProperty("sent").GetInt32(), progress.GetProperty("failed").GetInt32()).ShouldBe((3, 3, 0));
        (await Sandbox.BotMessagesAsync(learning1, 1)).ShouldBe(["「读书会一」早上好，大家！李老师"]);
        (await Sandbox.BotMessagesAsync(learning2, 1)).ShouldBe(["「读书会二」早上好，大家！{teacher}"]);
        (await Sandbox.BotMessagesAsync(tagged, 1)).ShouldBe(["「北京团购」早上好，大家！{teacher}"]);
        (await Sandbox.TranscriptAsync(other)).ShouldNotContain(l => l.From == "bot");

        var deliveries = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}/deliveries?status=sent");
        deliveries.GetProperty("total").GetInt32().ShouldBe(3);
        deliveries.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("communityName").GetString()).Order()
            .ShouldBe(["北京团购", "读书会一", "读书会二"]);
    }

    [Fact]
    public async Task Create_ToGroupThatCannotPostFreely_WaitsForStaffConfirmationThenCountsAsSent()
    {
        var wecomLike = await Sandbox.CreateGroupAsync("企微客户群", "exchange", new { capabilities = new { postsFreely = false } });
        var id = (await CreateAsync(new { content = new { text = "本周福利" }, targets = new { communityIds = new[] { wecomLike } } })).GetProperty("id").GetGuid();

        var waiting = await WaitForStatusAsync(id, "waitingForStaff");
        waiting.GetProperty("statusText").GetString().ShouldBe("waiting for staff confirmation");
        waiting.GetProperty("progress").GetProperty("waitingForStaff").GetInt32().ShouldBe(1);
        var row = (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}/deliveries")).GetProperty("items")[0];
        row.GetProperty("status").GetString().ShouldBe("waitingForStaff");
        var tasks = await Http.GetFromJsonAsync<JsonElement>("/api/v1/staff-tasks");
        var task = tasks.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == row.GetProperty("staffTaskId").GetGuid());
        task.GetProperty("detail").GetString()!.ShouldContain("本周福利");
        (await Sandbox.TranscriptAsync(wecomLike)).ShouldNotContain(l => l.From == "bot");

        (await Http.PostAsync($"/api/v1/staff-tasks/{task.GetProperty("id").GetGuid()}/done", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var done = await WaitForStatusAsync(id, "completed");
        done.GetProperty("progress").GetProperty("sent").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Create_RecurringEveryTwoSeconds_EachOccurrenceIsItsOwnRunWithItsOwnRows()
    {
        var group = await Sandbox.CreateGroupAsync();
        var id = (await CreateAsync(new { content = new { text = "打卡提醒" }, targets = new { communityIds = new[] { group } }, schedule = new { cron = "*/2 * * * * *" } }))
            .GetProperty("id").GetGuid();
        await Sandbox.BotMessagesAsync(group, 2, TimeSpan.FromSeconds(15));
        (await Http.PostAsync($"/api/v1/broadcasts/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var runs = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}/runs");
        var completed = runs.EnumerateArray().Where(r => r.GetProperty("status").GetString() == "completed").ToList();
        completed.Count.ShouldBeGreaterThanOrEqualTo(2);
        completed.ShouldAllBe(r => r.GetProperty("progress").GetProperty("total").GetInt32() == 1 && r.GetProperty("progress").GetProperty("sent").GetInt32() == 1);
        completed.Select(r => r.GetProperty("occurrence").GetDateTime()).Distinct().Count().ShouldBe(completed.Count);
        var broadcast = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}");
        broadcast.GetProperty("status").GetString().ShouldBe("cancelled");
        await Task.Delay(2500);
        var lines = (await Sandbox.TranscriptAsync(group)).Count(l => l.From == "bot");
        await Task.Delay(2500);
        (await Sandbox.TranscriptAsync(group)).Count(l => l.From == "bot").ShouldBe(lines);
    }

    [Fact]
    public async Task Create_WeekdayCron_NextRunIsEightInTheWorkspaceZone()
    {
        var group = await Sandbox.CreateGroupAsync();
        var created = await CreateAsync(new { content = new { text = "早报" }, targets = new { communityIds = new[] { group } }, schedule = new { cron = "0 8 * * 1-5" } });
        created.GetProperty("status").GetString().ShouldBe("scheduled");
        created.GetProperty("timeZone").GetString().ShouldBe("Asia/Shanghai");
        var next = created.GetProperty("nextRunAt").GetDateTime().ToUniversalTime();
        var local = TimeZoneInfo.ConvertTimeFromUtc(next, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        (local.Hour, local.Minute).ShouldBe((8, 0));
        local.DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
    }

    [Fact]
    public async Task Create_NowInsideQuietHours_WaitsUntilTheyEnd()
    {
        var group = await Sandbox.CreateGroupAsync();
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(Server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, DateTimeKind.Utc),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var quiet = new { from = local.AddHours(-1).ToString("HH:mm"), to = local.AddHours(2).ToString("HH:mm") };
        var created = await CreateAsync(new { content = new { text = "深夜不打扰" }, targets = new { communityIds = new[] { group } }, quietHours = quiet });
        created.GetProperty("status").GetString().ShouldBe("scheduled");
        var waitsFor = created.GetProperty("nextRunAt").GetDateTime().ToUniversalTime() - DateTime.SpecifyKind(local, DateTimeKind.Unspecified).AddHours(-8);
        waitsFor.TotalMinutes.ShouldBeInRange(60, 121);
        await Task.Delay(1500);
        (await Sandbox.TranscriptAsync(group)).ShouldNotContain(l => l.From == "bot");
    }

    [Fact]
    public async Task PauseResumeCancel_OnAScheduledBroadcast_ChangeItsStatusAndRefuseWhatNoLongerApplies()
    {
        var group = await Sandbox.CreateGroupAsync();
        var at = Server.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssK");
        var id = (await CreateAsync(new { content = new { text = "稍后发送" }, targets = new { communityIds = new[] { group } }, schedule = new { at } }))
            .GetProperty("id").GetGuid();
        (await (await Http.PostAsync($"/api/v1/broadcasts/{id}/pause", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("paused");
        (await Http.PostAsync($"/api/v1/broadcasts/{id}/pause", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await Http.PostAsync($"/api/v1/broadcasts/{id}/resume", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("scheduled");
        (await (await Http.PostAsync($"/api/v1/broadcasts/{id}/cancel", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("cancelled");
        var again = await (await Http.PostAsync($"/api/v1/broadcasts/{id}/cancel", null)).JsonAsync(HttpStatusCode.Conflict);
        again.GetProperty("detail").GetString()!.ShouldContain("cancelled");
        var list = await Http.GetFromJsonAsync<JsonElement>("/api/v1/broadcasts?status=cancelled");
        list.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ShouldContain(id);
    }

    [Fact]
    public async Task PreviewTargets_MixedGroups_SaysHowEachGetsIt()
    {
        var bot = await Sandbox.CreateGroupAsync("机器人群", "learning");
        var staff = await Sandbox.CreateGroupAsync("员工确认群", "learning", new { capabilities = new { postsFreely = false } });
        var preview = await (await Http.PostAsJsonAsync("/api/v1/broadcasts/preview-targets", new { targets = new { communityTypes = new[] { "learning" } } }))
            .JsonAsync(HttpStatusCode.OK);
        (preview.GetProperty("total").GetInt32(), preview.GetProperty("byBot").GetInt32(), preview.GetProperty("staffConfirmation").GetInt32()).ShouldBe((2, 1, 1));
        var items = preview.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.GetProperty("delivery").GetString());
        items[bot].ShouldBe("bot");
        items[staff].ShouldBe("staffConfirmation");
    }
}
