using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Calendar;

/// <summary>The calendar on a stopped clock: Monday 2026-12-07 23:30 in Shanghai (15:30 UTC), so what goes out is known
/// to the minute and nothing fires while the test looks.</summary>
public sealed class CalendarClockTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 30, 0, TimeSpan.Zero);
    private readonly QunzhuServer _server = new(services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    private readonly SandboxClient _sandbox;

    public CalendarClockTests() => _sandbox = new SandboxClient(_server.CreateApiClient());

    private HttpClient Http => _sandbox.Http;

    [Fact]
    public async Task Get_CellsAcrossLocalMidnightAndInQuietHours_ListedInShanghaiTimeWithTargets()
    {
        await _sandbox.CreateGroupAsync("读书会一", "learning");
        await _sandbox.CreateGroupAsync("读书会二", "learning");
        await _sandbox.CreateGroupAsync("团购群", "group-buy");
        var matrix = await (await Http.PostAsJsonAsync("/api/v1/calendar/matrices",
            new { name = "学习群日历", communityType = "learning", slots = new[] { "23:45", "00:15", "07:00" }, quietHours = new { from = "06:00", to = "07:30" } }))
            .JsonAsync(HttpStatusCode.Created);
        var id = matrix.GetProperty("id").GetGuid();
        matrix.GetProperty("targets").GetInt32().ShouldBe(2);
        await PutCellAsync(id, "monday", "23:45", "晚安分享");
        await PutCellAsync(id, "tuesday", "00:15", "零点打卡");
        await PutCellAsync(id, "tuesday", "07:00", "早读");

        var calendar = await (await Http.GetAsync("/api/v1/calendar?from=2026-12-07&to=2026-12-09")).JsonAsync(HttpStatusCode.OK);
        calendar.GetProperty("timeZone").GetString().ShouldBe("Asia/Shanghai");
        calendar.GetProperty("from").GetDateTime().ShouldBe(new DateTime(2026, 12, 6, 16, 0, 0, DateTimeKind.Utc));
        var items = calendar.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => (i.GetProperty("theme").GetString(), i.GetProperty("localSendAt").GetString(), i.GetProperty("heldByQuietHours").GetBoolean()))
            .ShouldBe([("晚安分享", "2026-12-07T23:45", false), ("零点打卡", "2026-12-08T00:15", false), ("早读", "2026-12-08T07:30", true)]);
        items.ShouldAllBe(i => i.GetProperty("targets").GetInt32() == 2 && i.GetProperty("status").GetString() == "scheduled");
        items[1].GetProperty("sendAt").GetDateTime().ShouldBe(new DateTime(2026, 12, 7, 16, 15, 0, DateTimeKind.Utc));

        // The default window is this local week (Monday to Monday): next Monday's 23:45 is not in it, and already-past slots are not repeated.
        var week = await Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar");
        week.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("localSendAt").GetString())
            .ShouldBe(["2026-12-07T23:45", "2026-12-08T00:15", "2026-12-08T07:30"]);
    }

    [Fact]
    public async Task Get_PausedAndDraftBroadcasts_OnlyWithIncludeInactive()
    {
        var group = await _sandbox.CreateGroupAsync();
        var paused = await (await Http.PostAsJsonAsync("/api/v1/broadcasts",
            new { content = new { text = "每日提醒" }, targets = new { communityIds = new[] { group } }, schedule = new { cron = "0 9 * * *" } })).JsonAsync(HttpStatusCode.Created);
        (await Http.PostAsync($"/api/v1/broadcasts/{paused.GetProperty("id").GetGuid()}/pause", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await Http.PostAsJsonAsync("/api/v1/broadcasts",
            new { content = new { text = "草稿" }, targets = new { communityIds = new[] { group } }, schedule = new { cron = "0 10 * * *" }, draft = true })).JsonAsync(HttpStatusCode.Created);
        var oneOff = await (await Http.PostAsJsonAsync("/api/v1/broadcasts",
            new { content = new { text = "周三活动" }, targets = new { communityIds = new[] { group } }, schedule = new { at = "2026-12-09T20:00:00" } })).JsonAsync(HttpStatusCode.Created);

        var active = await Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar?from=2026-12-08&to=2026-12-10");
        active.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("name").GetString(), i.GetProperty("localSendAt").GetString()))
            .ShouldBe([("周三活动", "2026-12-09T20:00")]);
        active.GetProperty("items")[0].GetProperty("broadcastId").GetGuid().ShouldBe(oneOff.GetProperty("id").GetGuid());

        var all = await Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar?from=2026-12-08&to=2026-12-10&includeInactive=true");
        all.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("name").GetString(), i.GetProperty("status").GetString(), i.GetProperty("localSendAt").GetString()))
            .ShouldBe([("每日提醒", "paused", "2026-12-08T09:00"), ("草稿", "draft", "2026-12-08T10:00"), ("每日提醒", "paused", "2026-12-09T09:00"),
                ("草稿", "draft", "2026-12-09T10:00"), ("周三活动", "scheduled", "2026-12-09T20:00")]);
    }

    [Fact]
    public async Task StartBuiltIn_DailyTaskScheduled_NextRunIsEightOClockShanghai()
    {
        var group = await _sandbox.CreateGroupAsync("打卡群", "check-in");
        var started = await (await Http.PostAsJsonAsync("/api/v1/content/builtins/daily-task/start",
            new { targets = new { communityIds = new[] { group } }, draft = false })).JsonAsync(HttpStatusCode.Created);
        var broadcast = started.GetProperty("broadcast");
        broadcast.GetProperty("status").GetString().ShouldBe("scheduled");
        broadcast.GetProperty("cron").GetString().ShouldBe("0 8 * * *");
        broadcast.GetProperty("nextRunAt").GetDateTime().ShouldBe(new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc));   // Tuesday 08:00 in Shanghai
        started.GetProperty("content").GetProperty("text").GetString()!.ShouldContain("今日任务");
    }

    private async Task PutCellAsync(Guid matrix, string weekday, string time, string theme) =>
        await (await Http.PutAsJsonAsync($"/api/v1/calendar/matrices/{matrix}/cells/{weekday}/{time}", new { theme, content = new { text = $"{theme}：{{group}}" } }))
            .JsonAsync(HttpStatusCode.OK);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
