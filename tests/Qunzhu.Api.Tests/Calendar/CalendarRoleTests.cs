using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Apis;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Calendar;
using Qunzhu.Storage;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Calendar;

/// <summary>Role rules on the calendar. API keys cannot be Operators (Operators sign in to the console), so the
/// Operator's view is the handler called with the claims the console signs them in with.</summary>
public sealed class CalendarRoleTests : SandboxTest
{
    [Fact]
    public async Task Get_AsOperator_CountsOnlyTheirGroupsAndOmitsBroadcastsThatMissThem()
    {
        var mine = await Sandbox.CreateGroupAsync("我的学习群", "learning");
        await Sandbox.CreateGroupAsync("别人的学习群", "learning");
        var otherType = await Sandbox.CreateGroupAsync("别人的交流群", "exchange");
        var staff = await (await Http.PostAsJsonAsync("/api/v1/staff", new { email = "op@example.com", role = "operator", password = "operator password 1" }))
            .JsonAsync(HttpStatusCode.Created);
        var staffId = staff.GetProperty("id").GetGuid();
        (await Http.PutAsJsonAsync($"/api/v1/staff/{staffId}/communities", new { communityIds = new[] { mine } })).EnsureSuccessStatusCode();
        await (await Http.PostAsJsonAsync("/api/v1/broadcasts", new
        {
            content = new { text = "学习提醒" },
            targets = new { communityTypes = new[] { "learning" } },
            schedule = new { cron = "0 9 * * *" }
        })).JsonAsync(HttpStatusCode.Created);
        await (await Http.PostAsJsonAsync("/api/v1/broadcasts", new
        {
            content = new { text = "交流群通知" },
            targets = new { communityIds = new[] { otherType } },
            schedule = new { cron = "0 10 * * *" }
        })).JsonAsync(HttpStatusCode.Created);

        // The coming week from tomorrow, not the default window (this local Monday-to-Monday week): on a Sunday after 10:00
        // that week has no daily send left, and the test failed every Sunday afternoon.
        var time = Server.Services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        var from = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.AddDays(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var admin = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/calendar?from={from}&to={to}");
        var adminCounts = admin.GetProperty("items").EnumerateArray().GroupBy(i => i.GetProperty("name").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("targets").GetInt32());
        adminCounts.ShouldBe(new Dictionary<string, int> { ["学习提醒"] = 2, ["交流群通知"] = 1 }, ignoreOrder: true);

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var workspaceId = await db.StaffUsers.Where(s => s.Id == staffId).Select(s => s.WorkspaceId).SingleAsync();
        var operatorUser = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(QunzhuClaims.WorkspaceId, workspaceId.ToString()), new Claim(QunzhuClaims.StaffId, staffId.ToString()), new Claim(ClaimTypes.Role, "Operator")], "test"));
        var result = await CalendarOccurrences.Get(operatorUser, db, scope.ServiceProvider.GetRequiredService<ConfigCache>(),
            time, CancellationToken.None, from, to);
        var items = result.Result.ShouldBeOfType<Ok<CalendarResponse>>().Value!.Items;
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.Name == "学习提醒" && i.Targets == 1);
    }

    [Fact]
    public async Task Write_AsViewerKey_403AndNothingStored()
    {
        var created = await (await Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "viewer", role = "viewer" })).JsonAsync(HttpStatusCode.Created);
        var viewer = Server.CreateClient();
        viewer.DefaultRequestHeaders.Authorization = new("Bearer", created.GetProperty("key").GetString());
        (await viewer.GetAsync("/api/v1/calendar")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsJsonAsync("/api/v1/calendar/matrices", new { name = "x", communityType = "learning" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.PostAsJsonAsync("/api/v1/content/builtins/daily-task/start", new { targets = new { communityTypes = new[] { "learning" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar/matrices")).GetArrayLength().ShouldBe(0);
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/content")).GetProperty("total").GetInt32().ShouldBe(0);
    }
}
