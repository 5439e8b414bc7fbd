using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Sops;
using Qunzhu.Testing;
using static Qunzhu.Api.Tests.Sops.SopRequests;

namespace Qunzhu.Api.Tests.Sops;

/// <summary>SOP steps are rows before they are timers: a server stopped in the middle of an SOP applied to many
/// groups, and a new one started on the same database, does every step for every group exactly once.</summary>
public sealed class SopRestartTests
{
    private const int Groups = 60;
    private const string Day0 = "重启测试：第 0 天";
    private const string Day1 = "重启测试：第 1 天";

    private static async Task<int> LinesAsync(QunzhuServer server, string text)
    {
        await using var db = server.CreateDbContext();
        return await db.SandboxLines.CountAsync(l => l.Text == text);
    }

    [Fact]
    public async Task GroupSop_ServerStoppedMidSop_NewServerDoesEachStepForEachGroupExactlyOnce()
    {
        var time = new ShiftedTimeProvider();
        var first = new QunzhuServer(services: s => s.AddSingleton<TimeProvider>(time));
        var path = first.DatabasePath;
        var groups = await SandboxGroups.CreateManyAsync(first, Groups);
        var http = first.CreateApiClient();
        var sop = await CreateAsync(http, new
        {
            name = "重启",
            kind = "group",
            steps = new[] { Step("groupCreated", "postToGroup", Day0), Step("groupCreated", "postToGroup", Day1, offsetDays: 1) },
        });
        var id = sop.GetProperty("id").GetGuid();
        (await ApplyAsync(http, id, [.. groups])).GetProperty("enrolled").GetInt32().ShouldBe(Groups);
        await Eventually.UntilAsync(() => LinesAsync(first, Day0), n => n >= 1, TimeSpan.FromSeconds(60), "the first day-0 messages");
        await first.DisposeAsync();

        // A day later on the clock: the new server has the rest of day 0 and all of day 1 to do.
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await using var second = new QunzhuServer(path, services: s => s.AddSingleton<TimeProvider>(time));
        await Eventually.UntilAsync(async () =>
        {
            await using var db = second.CreateDbContext();
            return await db.SopExecutions.CountAsync(x => x.SopId == id && x.Status == SopExecutionStatus.Scheduled);
        }, n => n == 0, TimeSpan.FromSeconds(120), "every step to run");
        await Eventually.UntilAsync(() => LinesAsync(second, Day1), n => n >= Groups, TimeSpan.FromSeconds(120), "every day-1 message");

        await using var check = second.CreateDbContext();
        foreach (var text in new[] { Day0, Day1 })
        {
            var perGroup = await check.SandboxLines.Where(l => l.Text == text).GroupBy(l => l.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            perGroup.Count.ShouldBe(Groups);
            perGroup.ShouldAllBe(g => g.Count == 1);
        }
        (await check.Outbox.CountAsync(o => o.IdempotencyKey.StartsWith("sop:"))).ShouldBe(2 * Groups);
        var executions = await check.SopExecutions.Where(x => x.SopId == id).ToListAsync();
        executions.Count.ShouldBe(2 * Groups);
        executions.ShouldAllBe(x => x.Status == SopExecutionStatus.DoneOnTime || x.Status == SopExecutionStatus.DoneLate);
        (await check.SopEnrollments.CountAsync(e => e.SopId == id && e.Status == SopEnrollmentStatus.Completed)).ShouldBe(Groups);
    }
}
