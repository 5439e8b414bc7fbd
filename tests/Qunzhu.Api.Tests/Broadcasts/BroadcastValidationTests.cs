using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Broadcasts;

/// Bad broadcast requests: 400 naming the field and what to change; nothing stored. Other workspaces see nothing.
public sealed class BroadcastValidationTests : SandboxTest
{
    private async Task<JsonElement> BadAsync(object body) =>
        (await (await Http.PostAsJsonAsync("/api/v1/broadcasts", body)).JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors");

    [Fact]
    public async Task Create_InvalidRequests_Return400WithActionableMessagesAndStoreNothing()
    {
        var group = await Sandbox.CreateGroupAsync();
        var targets = new { communityIds = new[] { group } };

        (await BadAsync(new { content = new { text = "x" }, targets, schedule = new { cron = "0 25 * * *" } }))
            .GetProperty("schedule.cron")[0].GetString()!.ShouldContain("not a valid cron expression");
        (await BadAsync(new { content = new { text = "x" }, targets, schedule = new { cron = "每天八点" } }))
            .GetProperty("schedule.cron")[0].GetString()!.ShouldContain("five");
        (await BadAsync(new { content = new { text = "x" }, targets, schedule = new { at = "2030-01-01T08:00:00+08:00", cron = "0 8 * * *" } }))
            .GetProperty("schedule")[0].GetString()!.ShouldContain("not both");
        var unknown = Guid.NewGuid();
        (await BadAsync(new { content = new { contentId = unknown }, targets }))
            .GetProperty("content.contentId")[0].GetString()!.ShouldContain(unknown.ToString());
        (await BadAsync(new { content = new { text = "x" }, targets = new { } }))
            .GetProperty("targets")[0].GetString()!.ShouldContain("communityIds");
        (await BadAsync(new { content = new { text = "x" } })).TryGetProperty("targets", out _).ShouldBeTrue();
        (await BadAsync(new { targets })).GetProperty("content")[0].GetString()!.ShouldContain("text");
        (await BadAsync(new { content = new { text = "x" }, targets = new { communityTypes = new[] { "vip" } } }))
            .GetProperty("targets.communityTypes")[0].GetString()!.ShouldContain("learning");
        (await BadAsync(new { content = new { text = "x" }, targets = new { communityIds = new[] { Guid.NewGuid() } } }))
            .TryGetProperty("targets.communityIds", out _).ShouldBeTrue();
        (await BadAsync(new { content = new { text = "x" }, targets, schedule = new { at = "2020-01-01T08:00:00+08:00" } }))
            .GetProperty("schedule.at")[0].GetString()!.ShouldContain("past");
        (await BadAsync(new { content = new { text = "x" }, targets, schedule = new { at = "tomorrow" } }))
            .GetProperty("schedule.at")[0].GetString()!.ShouldContain("ISO-8601");
        (await BadAsync(new { content = new { text = "x" }, targets, quietHours = new { from = "22", to = "08:00" } }))
            .GetProperty("quietHours")[0].GetString()!.ShouldContain("HH:mm");

        await using var db = Server.CreateDbContext();
        (await db.Broadcasts.CountAsync()).ShouldBe(0);
        (await db.ScheduledJobs.CountAsync(j => j.Kind.StartsWith("broadcast"))).ShouldBe(0);
    }

    [Fact]
    public async Task Broadcasts_OfAnotherWorkspace_AreInvisibleAndItsGroupsCannotBeTargeted()
    {
        var group = await Sandbox.CreateGroupAsync();
        var id = (await (await Http.PostAsJsonAsync("/api/v1/broadcasts", new
        {
            content = new { text = "内部通知" },
            targets = new { communityIds = new[] { group } },
            schedule = new { at = Server.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssK") }
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var other = await SecondWorkspace.CreateAsync(Server);

        (await other.GetAsync($"/api/v1/broadcasts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/broadcasts/{id}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/broadcasts/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/broadcasts")).GetProperty("total").GetInt32().ShouldBe(0);
        var steal = await (await other.PostAsJsonAsync("/api/v1/broadcasts", new { content = new { text = "x" }, targets = new { communityIds = new[] { group } } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        steal.GetProperty("errors").TryGetProperty("targets.communityIds", out _).ShouldBeTrue();
        var preview = await (await other.PostAsJsonAsync("/api/v1/broadcasts/preview-targets", new { targets = new { communityTypes = new[] { "learning" } } }))
            .JsonAsync(HttpStatusCode.OK);
        preview.GetProperty("total").GetInt32().ShouldBe(0);
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/broadcasts/{id}")).GetProperty("status").GetString().ShouldBe("scheduled");
    }
}
