using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Calendar;

/// The theme matrix as the one source of truth for its broadcasts: edits reach them, emptied cells stop them.
public sealed class CalendarApiTests : SandboxTest
{
    private async Task<Guid> MatrixAsync(object body) =>
        (await (await Http.PostAsJsonAsync("/api/v1/calendar/matrices", body)).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private async Task<JsonElement> PutCellAsync(Guid matrix, string weekday, string time, object body) =>
        await (await Http.PutAsJsonAsync($"/api/v1/calendar/matrices/{matrix}/cells/{weekday}/{time}", body)).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task PutCell_EditedThenEmptied_SameBroadcastChangesThenIsCancelled()
    {
        await Sandbox.CreateGroupAsync("读书会", "learning");
        var matrix = await MatrixAsync(new { name = "学习群日历", communityType = "learning" });
        var created = await PutCellAsync(matrix, "monday", "08:00", new { theme = "干货分享", content = new { text = "本周干货：{group}" } });
        var cell = created.GetProperty("cells")[0];
        var broadcastId = cell.GetProperty("broadcastId").GetGuid();
        var broadcast = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{broadcastId}");
        (broadcast.GetProperty("cron").GetString(), broadcast.GetProperty("text").GetString(), broadcast.GetProperty("status").GetString())
            .ShouldBe(("0 8 * * 1", "本周干货：{group}", "scheduled"));
        broadcast.GetProperty("targets").GetProperty("communityTypes").EnumerateArray().Select(t => t.GetString()).ShouldBe(["learning"]);
        broadcast.GetProperty("name").GetString().ShouldBe("学习群日历 · 干货分享");

        var item = await (await Http.PostAsJsonAsync("/api/v1/content", new { kind = "text", title = "周一早安", text = "早安 {group}" })).JsonAsync(HttpStatusCode.Created);
        var edited = await PutCellAsync(matrix, "monday", "08:00", new { theme = "早安", content = new { contentId = item.GetProperty("id").GetGuid() } });
        edited.GetProperty("cells").GetArrayLength().ShouldBe(1);
        edited.GetProperty("cells")[0].GetProperty("contentTitle").GetString().ShouldBe("周一早安");
        broadcast = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{broadcastId}");
        (broadcast.GetProperty("name").GetString(), broadcast.GetProperty("contentId").GetGuid()).ShouldBe(("学习群日历 · 早安", item.GetProperty("id").GetGuid()));
        broadcast.TryGetProperty("text", out _).ShouldBeFalse();

        (await Http.DeleteAsync($"/api/v1/calendar/matrices/{matrix}/cells/monday/08:00")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{broadcastId}")).GetProperty("status").GetString().ShouldBe("cancelled");
        var calendar = await Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar?includeInactive=true");
        calendar.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("broadcastId").GetGuid() == broadcastId);
    }

    [Fact]
    public async Task Update_TargetAndSlotsChanged_BroadcastsRetargetedAndRemovedSlotStopsWithoutOrphans()
    {
        var templates = await Http.GetFromJsonAsync<JsonElement>("/api/v1/templates");
        var defaultTemplate = templates.EnumerateArray().Single(t => t.GetProperty("isDefault").GetBoolean()).GetProperty("id").GetGuid();
        await Sandbox.CreateGroupAsync("默认模板群", "exchange");
        var matrix = await MatrixAsync(new { name = "团购日历", communityType = "group-buy", slots = new[] { "09:00", "20:00" } });
        await PutCellAsync(matrix, "friday", "09:00", new { theme = "周五秒杀", content = new { text = "秒杀开始" } });
        await PutCellAsync(matrix, "friday", "20:00", new { theme = "晚间回顾", content = new { text = "今日回顾" } });

        var updated = await (await Http.PutAsJsonAsync($"/api/v1/calendar/matrices/{matrix}",
            new { name = "默认群日历", templateId = defaultTemplate, slots = new[] { "09:00" }, quietHours = new { from = "22:00", to = "08:00" } })).JsonAsync(HttpStatusCode.OK);
        updated.GetProperty("targets").GetInt32().ShouldBe(1);   // a group without a template follows the default one
        updated.GetProperty("cells").GetArrayLength().ShouldBe(1);

        await using var db = Server.CreateDbContext();
        var fromCalendar = await db.Broadcasts.AsNoTracking().Where(b => b.Origin!.StartsWith("calendar:")).ToListAsync();
        var cellBroadcasts = await db.CalendarCells.AsNoTracking().Select(c => c.BroadcastId).ToListAsync();
        fromCalendar.Count.ShouldBe(2);
        fromCalendar.Where(b => b.State != BroadcastState.Cancelled).Select(b => b.Id).ShouldBe(cellBroadcasts);
        var kept = fromCalendar.Single(b => b.State == BroadcastState.Active);
        (kept.Name, kept.Targets.TemplateIds.Single(), kept.QuietHours).ShouldBe(("默认群日历 · 周五秒杀", defaultTemplate, new QuietHours(new(22, 0), new(8, 0))));

        (await Http.DeleteAsync($"/api/v1/calendar/matrices/{matrix}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await db.Broadcasts.AsNoTracking().CountAsync(b => b.Origin!.StartsWith("calendar:") && b.State != BroadcastState.Cancelled)).ShouldBe(0);
        (await db.CalendarCells.AsNoTracking().CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("{\"name\":\"x\",\"communityType\":\"learning\",\"templateId\":\"0193e1a0-0000-7000-8000-000000000000\"}", "target")]
    [InlineData("{\"name\":\"\",\"communityType\":\"learning\"}", "name")]
    [InlineData("{\"name\":\"x\",\"communityType\":\"party\"}", "communityType")]
    [InlineData("{\"name\":\"x\",\"communityType\":\"learning\",\"slots\":[\"25:00\"]}", "slots")]
    [InlineData("{\"name\":\"x\",\"templateId\":\"0193e1a0-0000-7000-8000-000000000000\"}", "templateId")]
    public async Task Create_Invalid_ValidationProblemNamesFieldAndStoresNothing(string body, string field)
    {
        var response = await Http.PostAsync("/api/v1/calendar/matrices", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar/matrices")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PutCell_InvalidWeekdayTimeThemeOrContent_400AndNoBroadcast()
    {
        var matrix = await MatrixAsync(new { name = "日历", communityType = "learning" });
        async Task<JsonElement> Bad(string weekday, string time, object body) =>
            await (await Http.PutAsJsonAsync($"/api/v1/calendar/matrices/{matrix}/cells/{weekday}/{time}", body)).JsonAsync(HttpStatusCode.BadRequest);
        (await Bad("someday", "08:00", new { theme = "t", content = new { text = "x" } })).GetProperty("errors").TryGetProperty("weekday", out _).ShouldBeTrue();
        (await Bad("monday", "8点", new { theme = "t", content = new { text = "x" } })).GetProperty("errors").TryGetProperty("time", out _).ShouldBeTrue();
        (await Bad("monday", "08:00", new { theme = "", content = new { text = "x" } })).GetProperty("errors").TryGetProperty("theme", out _).ShouldBeTrue();
        (await Bad("monday", "08:00", new { theme = "t", content = new { contentId = Guid.NewGuid() } })).GetProperty("errors")
            .TryGetProperty("content.contentId", out _).ShouldBeTrue();
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/broadcasts")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task OtherWorkspace_MatrixAndCalendar_NotVisibleNorEditable()
    {
        await Sandbox.CreateGroupAsync("读书会", "learning");
        var matrix = await MatrixAsync(new { name = "学习群日历", communityType = "learning" });
        await PutCellAsync(matrix, "sunday", "20:00", new { theme = "周日复盘", content = new { text = "复盘" } });
        var other = await SecondWorkspace.CreateAsync(Server);

        (await other.GetAsync($"/api/v1/calendar/matrices/{matrix}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PutAsJsonAsync($"/api/v1/calendar/matrices/{matrix}/cells/monday/08:00", new { theme = "x", content = new { text = "x" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/v1/calendar/matrices/{matrix}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/calendar/matrices")).GetArrayLength().ShouldBe(0);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/calendar?includeInactive=true")).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/matrices/{matrix}")).GetProperty("cells").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Get_BadRange_ProblemSaysWhatToSend()
    {
        var reversed = await (await Http.GetAsync("/api/v1/calendar?from=2026-12-10&to=2026-12-01")).JsonAsync(HttpStatusCode.BadRequest);
        reversed.GetProperty("errors").GetProperty("to")[0].GetString()!.ShouldContain("after");
        var tooLong = await (await Http.GetAsync("/api/v1/calendar?from=2026-01-01&to=2026-12-01")).JsonAsync(HttpStatusCode.BadRequest);
        tooLong.GetProperty("errors").GetProperty("to")[0].GetString()!.ShouldContain("62 days");
        (await (await Http.GetAsync("/api/v1/calendar?from=tomorrow")).JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("from", out _).ShouldBeTrue();
        (await Server.CreateClient().GetAsync("/api/v1/calendar")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
