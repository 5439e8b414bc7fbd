using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Pipeline;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// The pipeline's promises: order per group, one effect per event, nothing lost across a restart.
public sealed class PipelineTests
{
    [Fact]
    public async Task CheckIns_100ConcurrentInOneGroup_RankedInInboxOrder()
    {
        await using var server = new QunzhuServer();
        var sandbox = new SandboxClient(server.CreateApiClient());
        var group = await sandbox.CreateGroupAsync("百人打卡");

        await Parallel.ForEachAsync(Enumerable.Range(1, 100), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => await sandbox.SendAsync(group, "message", $"u{i}", "打卡", memberName: $"成员{i}"));
        await sandbox.BotMessagesAsync(group, 100, TimeSpan.FromSeconds(30));

        await using var db = server.CreateDbContext();
        var inboxOrder = await db.Inbox.OrderBy(e => e.Sequence).Select(e => e.PlatformEventId).ToListAsync();
        var byEvent = (await db.Messages.Join(db.CheckIns, m => new { m.CommunityId, m.MemberId }, c => new { c.CommunityId, c.MemberId },
                (m, c) => new { m.ExternalMessageId, c.Rank }).ToListAsync())
            .ToDictionary(x => x.ExternalMessageId!, x => x.Rank);
        inboxOrder.Select(id => byEvent[id]).ShouldBe(Enumerable.Range(1, 100));
        (await db.Inbox.CountAsync(e => e.Status != InboxStatus.Processed)).ShouldBe(0);

        // The replies go out in the same order.
        var replies = (await sandbox.TranscriptAsync(group)).Where(l => l.From == "bot").Select(l => l.Text!).ToList();
        replies.Select((text, i) => text.Contains($"今天第 {i + 1} 位", StringComparison.Ordinal)).ShouldAllBe(ok => ok);
    }

    [Fact]
    public async Task Events_AcceptedBeforeRestart_AreProcessedAfterIt()
    {
        string path;
        Guid group;
        await using (var ingestOnly = new QunzhuServer(settings: new Dictionary<string, string?> { ["Engine:ProcessEvents"] = "false" }))
        {
            path = ingestOnly.DatabasePath;
            var sandbox = new SandboxClient(ingestOnly.CreateApiClient());
            group = await sandbox.CreateGroupAsync();
            await sandbox.SendAsync(group, "message", "u1", "签到", memberName: "小王", eventId: "before-restart");
            await Task.Delay(300);
            (await sandbox.TranscriptAsync(group)).ShouldNotContain(l => l.From == "bot");
        }

        await using var restarted = new QunzhuServer(path);
        var again = new SandboxClient(restarted.CreateApiClient());
        (await again.BotMessagesAsync(group, 1))[0].ShouldContain("小王 签到成功");

        // Replaying the event after the restart still has no second effect.
        var replay = await again.PostAsync(group, "message", "u1", "签到", eventId: "before-restart");
        (await replay.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        await using var db = restarted.CreateDbContext();
        (await db.PointsLedger.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task CheckIns_InOneBatch_StreakTotalBalanceAndRankFromStoredState()
    {
        // Processed first: 小王 is a known member with a 4-day streak (9 days in all) and 100 points; 小李 checked in today.
        await using var first = new QunzhuServer();
        var sandbox = new SandboxClient(first.CreateApiClient());
        var group = await sandbox.CreateGroupAsync();
        await sandbox.SendAsync(group, "message", "u1", "大家好", memberName: "小王");
        await sandbox.SendAsync(group, "message", "u2", "签到", memberName: "小李");
        await sandbox.BotMessagesAsync(group, 1);
        await using (var db = first.CreateDbContext())
        {
            var member = await db.Members.SingleAsync(m => m.DisplayName == "小王");
            var zone = (await first.Services.GetRequiredService<Qunzhu.Engine.Caching.ConfigCache>().GetAsync(member.WorkspaceId, default)).Zone;
            var now = first.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var today = Qunzhu.Core.CheckIns.CheckInCalculator.LocalDay(now, zone);
            db.CheckIns.Add(new Qunzhu.Core.CheckIns.CheckIn
            {
                WorkspaceId = member.WorkspaceId,
                CommunityId = group,
                MemberId = member.Id,
                LocalDate = today.AddDays(-1),
                At = now.AddDays(-1),
                Streak = 4,
                Total = 9,
                Rank = 1,
                Points = 10,
            });
            db.PointsLedger.Add(new Qunzhu.Core.Points.PointsEntry
            {
                WorkspaceId = member.WorkspaceId,
                MemberId = member.Id,
                CommunityId = group,
                Key = "seed",
                Amount = 100,
                Reason = "test",
                At = now,
            });
            await db.SaveChangesAsync();
        }
        await first.DisposeAsync();

        // Stored while nothing processes, so the known member's and a new member's check-ins land in one batch.
        await QunzhuServer.StoreWithoutProcessingAsync(first.DatabasePath, async ingest =>
        {
            await ingest.SendAsync(group, "message", "u1", "签到");
            await ingest.SendAsync(group, "message", "u3", "签到", memberName: "小张");
        });

        await using var second = new QunzhuServer(first.DatabasePath);
        var lines = await new SandboxClient(second.CreateApiClient()).BotMessagesAsync(group, 3);
        var wang = lines.Single(l => l.Contains("小王", StringComparison.Ordinal));
        wang.ShouldContain("今天第 2 位，连续 5 天，累计 10 天");
        var points = int.Parse(System.Text.RegularExpressions.Regex.Match(wang, @"\+(\d+) 积分").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        wang.ShouldContain($"共 {100 + points} 分");
        lines.Single(l => l.Contains("小张", StringComparison.Ordinal)).ShouldContain("今天第 3 位，连续 1 天，累计 1 天");
    }

    [Fact]
    public async Task Violations_InOneBatch_LadderCountsEarlierBatchesAndTheBatchItselfWithinTheWindow()
    {
        // Processed first: 广告哥 was warned once today; 老张's only violation is 25 hours old (outside the 24-hour window).
        await using var first = new QunzhuServer();
        var sandbox = new SandboxClient(first.CreateApiClient());
        var group = await sandbox.CreateGroupAsync();
        await sandbox.SendAsync(group, "message", "spammer", "福利看这里 http://spam.example.com", memberName: "广告哥");
        await sandbox.SendAsync(group, "message", "old", "大家好", memberName: "老张");
        (await sandbox.BotMessagesAsync(group, 1))[0].ShouldBe("⚠️ 广告哥 发布外部链接，警告 1/3");
        await using (var db = first.CreateDbContext())
        {
            var old = await db.Members.SingleAsync(m => m.DisplayName == "老张");
            db.Violations.Add(new Qunzhu.Core.Moderation.Violation
            {
                WorkspaceId = old.WorkspaceId,
                CommunityId = group,
                MemberId = old.Id,
                Kind = Qunzhu.Core.Moderation.ViolationKind.ExternalLink,
                Strike = 2,
                Action = Qunzhu.Core.Moderation.LadderActionTaken.Muted,
                At = first.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(-25),
            });
            await db.SaveChangesAsync();
        }
        await first.DisposeAsync();

        // Stored while nothing processes, so all of them land in one batch.
        await QunzhuServer.StoreWithoutProcessingAsync(first.DatabasePath, async ingest =>
        {
            await ingest.SendAsync(group, "message", "spammer", "加V信 abc12345 领福利");
            await ingest.SendAsync(group, "message", "old", "看这里 http://spam.example.com");
            await ingest.SendAsync(group, "message", "spammer", "电话 138 1234 5678");
            await ingest.SendAsync(group, "message", "new", "看这里 http://spam.example.com", memberName: "新人");
        });

        await using var second = new QunzhuServer(first.DatabasePath);
        var lines = await new SandboxClient(second.CreateApiClient()).BotMessagesAsync(group, 5);
        lines[1].ShouldContain("禁言 60 分钟（2/3）");
        lines[2].ShouldBe("⚠️ 老张 发布外部链接，警告 1/3");
        lines[3].ShouldContain("已移出群聊（3/3）");
        lines[4].ShouldBe("⚠️ 新人 发布外部链接，警告 1/3");
    }

    [Fact]
    public async Task State_SurvivesRestart_StreakAndBlacklistKept()
    {
        await using var first = new QunzhuServer();
        var sandbox = new SandboxClient(first.CreateApiClient());
        var group = await sandbox.CreateGroupAsync();
        await sandbox.SendAsync(group, "message", "u1", "签到", memberName: "小王");
        await sandbox.BotMessagesAsync(group, 1);
        await first.DisposeAsync();

        await using var second = new QunzhuServer(first.DatabasePath);
        var after = new SandboxClient(second.CreateApiClient());
        await after.SendAsync(group, "message", "u1", "签到");
        (await after.BotMessagesAsync(group, 2))[1].ShouldContain("已经签到过了");
    }

    [Fact]
    public async Task Event_ThatCannotBeWritten_MarkedFailedWithoutBlockingLaterEvents()
    {
        await using var server = new QunzhuServer();
        var sandbox = new SandboxClient(server.CreateApiClient());
        var group = await sandbox.CreateGroupAsync();
        await sandbox.SendAsync(group, "message", "u1", "大家好", memberName: "小王");
        await using var db = server.CreateDbContext();
        await BlockTodaysCheckInAsync(server, group, "小王");

        await sandbox.SendAsync(group, "message", "u1", "签到", eventId: "doomed");
        await sandbox.SendAsync(group, "message", "u2", "签到", memberName: "小李");

        (await sandbox.BotMessagesAsync(group, 1))[0].ShouldContain("小李 签到成功！今天第 1 位");
        var failed = await Eventually.UntilAsync(() => db.Inbox.AsNoTracking().SingleAsync(e => e.PlatformEventId.EndsWith("/doomed")),
            e => e.Status == InboxStatus.Failed, TimeSpan.FromSeconds(15));
        failed.Attempts.ShouldBe(3);
        failed.Error.ShouldNotBeNull();

        // The operator removes the cause and retries: the event now has its effect, once.
        await db.PointsLedger.Where(p => p.Reason == "test").ExecuteDeleteAsync();
        (await sandbox.Http.PostAsync($"/api/v1/deliveries/inbox/{failed.Sequence}/retry", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await sandbox.BotMessagesAsync(group, 2))[1].ShouldContain("小王 签到成功");
        (await sandbox.Http.PostAsync($"/api/v1/deliveries/inbox/{failed.Sequence}/retry", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        (await db.PointsLedger.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task NewMember_InABatchThatFails_IsStoredOnceWhenTheirEventIsRedoneAlone()
    {
        // 小王 is known, and a ledger row already holds the key of today's check-in: his next check-in can never commit.
        await using var first = new QunzhuServer();
        var sandbox = new SandboxClient(first.CreateApiClient());
        var group = await sandbox.CreateGroupAsync();
        await sandbox.SendAsync(group, "message", "u1", "大家好", memberName: "小王");
        await BlockTodaysCheckInAsync(first, group, "小王");
        await first.DisposeAsync();

        // Stored while nothing processes, so the doomed check-in and a newcomer's first message land in one batch.
        await QunzhuServer.StoreWithoutProcessingAsync(first.DatabasePath, async ingest =>
        {
            await ingest.SendAsync(group, "message", "u1", "签到", eventId: "doomed");
            await ingest.SendAsync(group, "message", "u2", "签到", memberName: "小李");
        });

        // The batch rolls back, newcomer and all; redone one event at a time, the newcomer's commits and the doomed one fails.
        await using var second = new QunzhuServer(first.DatabasePath);
        var after = new SandboxClient(second.CreateApiClient());
        (await after.BotMessagesAsync(group, 1))[0].ShouldContain("小李 签到成功！今天第 1 位");
        await after.SendAsync(group, "message", "u2", "签到");
        (await after.BotMessagesAsync(group, 2))[1].ShouldContain("已经签到过了");
        await using var check = second.CreateDbContext();
        (await check.Members.CountAsync(m => m.DisplayName == "小李")).ShouldBe(1);
        (await check.MemberIdentities.CountAsync(i => i.ExternalUserId == "u2")).ShouldBe(1);
        (await check.Memberships.CountAsync(m => m.CommunityId == group)).ShouldBe(2);
        (await Eventually.UntilAsync(() => check.Inbox.AsNoTracking().SingleAsync(e => e.PlatformEventId.EndsWith("/doomed")),
            e => e.Status == InboxStatus.Failed, TimeSpan.FromSeconds(15))).Attempts.ShouldBe(3);
    }

    [Fact]
    public async Task CheckIns_OfOneMemberInTwoGroups_InOneBatch_EachContinuesItsOwnGroupsStreak()
    {
        // 小王 is in two groups: a 4-day streak (9 days in all) in the first, a 1-day streak in the second, both yesterday.
        await using var first = new QunzhuServer();
        var sandbox = new SandboxClient(first.CreateApiClient());
        var morning = await sandbox.CreateGroupAsync("早读群");
        var running = await sandbox.CreateGroupAsync("跑步群");
        await sandbox.SendAsync(morning, "message", "u1", "大家好", memberName: "小王");
        await sandbox.SendAsync(running, "message", "u1", "大家好", memberName: "小王");
        await using (var db = first.CreateDbContext())
        {
            var member = await Eventually.UntilAsync(() => db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.DisplayName == "小王"), m => m is not null);
            await Eventually.UntilAsync(() => db.Memberships.CountAsync(m => m.MemberId == member!.Id), n => n == 2);
            var zone = (await first.Services.GetRequiredService<Qunzhu.Engine.Caching.ConfigCache>().GetAsync(member!.WorkspaceId, default)).Zone;
            var now = first.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var yesterday = Qunzhu.Core.CheckIns.CheckInCalculator.LocalDay(now, zone).AddDays(-1);
            foreach (var (group, streak, total) in new[] { (morning, 4, 9), (running, 1, 1) })
            {
                db.CheckIns.Add(new Qunzhu.Core.CheckIns.CheckIn
                {
                    WorkspaceId = member.WorkspaceId,
                    CommunityId = group,
                    MemberId = member.Id,
                    LocalDate = yesterday,
                    At = now.AddDays(-1),
                    Streak = streak,
                    Total = total,
                    Rank = 1,
                    Points = 10,
                });
            }
            await db.SaveChangesAsync();
        }
        await first.DisposeAsync();

        await QunzhuServer.StoreWithoutProcessingAsync(first.DatabasePath, async ingest =>
        {
            await ingest.SendAsync(morning, "message", "u1", "签到");
            await ingest.SendAsync(running, "message", "u1", "签到");
        });

        await using var second = new QunzhuServer(first.DatabasePath);
        var replies = new SandboxClient(second.CreateApiClient());
        (await replies.BotMessagesAsync(morning, 1)).Single().ShouldContain("今天第 1 位，连续 5 天，累计 10 天");
        (await replies.BotMessagesAsync(running, 1)).Single().ShouldContain("今天第 1 位，连续 2 天，累计 2 天");
    }

    /// <summary>Makes the member's check-in today impossible to commit: a ledger row already holds the key it would write.</summary>
    private static async Task BlockTodaysCheckInAsync(QunzhuServer server, Guid group, string memberName)
    {
        await using var db = server.CreateDbContext();
        var member = await Eventually.UntilAsync(() => db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.DisplayName == memberName), m => m is not null);
        var zone = (await server.Services.GetRequiredService<Qunzhu.Engine.Caching.ConfigCache>().GetAsync(member!.WorkspaceId, default)).Zone;
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = Qunzhu.Core.CheckIns.CheckInCalculator.LocalDay(now, zone);
        db.PointsLedger.Add(new Qunzhu.Core.Points.PointsEntry
        {
            WorkspaceId = member.WorkspaceId,
            MemberId = member.Id,
            Key = $"checkin:{group:N}:{member.Id:N}:{today:yyyy-MM-dd}",
            Amount = 1,
            Reason = "test",
            At = now,
        });
        await db.SaveChangesAsync();
    }
}
