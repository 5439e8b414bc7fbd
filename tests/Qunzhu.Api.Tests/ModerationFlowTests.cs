using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Connectors.Sandbox;
using Qunzhu.Core.Moderation;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// Moderation as members see it: warn → mute → remove, the reason said each time, the blacklist shared.
public sealed class ModerationFlowTests : SandboxTest
{
    [Fact]
    public async Task Violations_ThreeWithin24h_WarnThenMuteThenRemoveAndBlacklist()
    {
        var group = await Sandbox.CreateGroupAsync("交流群");
        await Sandbox.SendAsync(group, "message", "spammer", "福利看这里 http://spam.example.com", memberName: "广告哥");
        await Sandbox.SendAsync(group, "message", "spammer", "加V信 abc12345 领福利");
        await Sandbox.SendAsync(group, "message", "spammer", "电话 138 1234 5678");

        var replies = await Sandbox.BotMessagesAsync(group, 3);
        replies[0].ShouldBe("⚠️ 广告哥 发布外部链接，警告 1/3");
        replies[1].ShouldContain("禁言 60 分钟（2/3）");
        replies[2].ShouldContain("已移出群聊（3/3）");

        var transcript = await Eventually.UntilAsync(() => Sandbox.TranscriptAsync(group), t => t.Any(l => l.Kind == "removed"));
        transcript.Where(l => l.From == "spammer" && l.Kind == "message").ShouldAllBe(l => l.Deleted == true);
        transcript.ShouldContain(l => l.Kind == "muted" && l.MemberId == "spammer");

        await using var db = Server.CreateDbContext();
        (await db.Violations.Select(v => v.Strike).OrderBy(s => s).ToListAsync()).ShouldBe([1, 2, 3]);
        (await db.Blacklist.SingleAsync()).Source.ShouldBe("auto");
        // The removal came back from the platform as a leave.
        await Eventually.UntilAsync(() => db.Memberships.AsNoTracking().SingleAsync(), m => m.LeftAt is not null);
    }

    [Fact]
    public async Task Removal_OfAnEventWithTheLongestId_ComesBackAsALeaveThatFitsTheInbox()
    {
        // The leave a removal causes is an inbox event of its own. Its id once held the whole action key (account,
        // group, the caller's id): 171 characters here, which PostgreSQL's 128-character column refuses, so the member
        // never left there.
        var group = await Sandbox.CreateGroupAsync("交流群");
        await Sandbox.SendAsync(group, "message", "spammer", "福利看这里 http://spam.example.com", memberName: "广告哥");
        await Sandbox.SendAsync(group, "message", "spammer", "加V信 abc12345 领福利");
        await Sandbox.SendAsync(group, "message", "spammer", "电话 138 1234 5678", eventId: new string('e', SandboxApi.MaxEventIdLength));
        await Eventually.UntilAsync(() => Sandbox.TranscriptAsync(group), t => t.Any(l => l.Kind == "removed"));

        await using var db = Server.CreateDbContext();
        await Eventually.UntilAsync(() => db.Memberships.AsNoTracking().SingleAsync(), m => m.LeftAt is not null);
        var ids = await db.Inbox.AsNoTracking().Select(e => e.PlatformEventId).ToListAsync();
        ids.ShouldContain(id => id.StartsWith("removed:", StringComparison.Ordinal));
        ids.ShouldAllBe(id => id.Length <= Core.Pipeline.InboxEvent.MaxIdLength);
    }

    [Fact]
    public async Task Removal_WhoseServerDiesRightAfterItsCommit_StillComesBackAsALeave()
    {
        var group = await Sandbox.CreateGroupAsync("交流群");
        await Sandbox.SendAsync(group, "join", "spammer", memberName: "广告哥");
        await using var db = Server.CreateDbContext();
        await Eventually.UntilAsync(() => db.Memberships.AsNoTracking().CountAsync(), n => n == 1);
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == group);
        var removal = new OutboundAction
        {
            WorkspaceId = community.WorkspaceId,
            AccountId = community.AccountId,
            Platform = PlatformKind.Sandbox,
            CommunityId = group,
            ChatId = community.ExternalId,
            IdempotencyKey = "staff-removal-1",
            Kind = BotActionKind.RemoveMember,
            TargetUserId = "spammer",
        };

        // A delivery round as the dispatcher runs it, up to its commit; the step after the commit never runs (the process
        // died there). A delivered action is never delivered again, so the leave must have been stored with the removal.
        var connector = Server.Services.GetRequiredService<SandboxConnector>();
        await using (var tx = await db.BeginWriteAsync(TestContext.Current.CancellationToken))
        {
            (await connector.WriteAsync(db, [removal], fresh: false, TestContext.Current.CancellationToken)).ShouldBe([null]);
            await tx.CommitAsync(TestContext.Current.CancellationToken);
        }

        (await db.Inbox.AsNoTracking().CountAsync(e => e.PlatformEventId.StartsWith("removed:"))).ShouldBe(1);
        await Eventually.UntilAsync(() => db.Memberships.AsNoTracking().SingleAsync(), m => m.LeftAt is not null, what: "the removed member left");
        (await Sandbox.TranscriptAsync(group)).ShouldContain(l => l.Kind == "removed" && l.MemberId == "spammer");
    }

    [Fact]
    public async Task RemovedMember_JoiningAnotherGroup_IsRemovedAgain()
    {
        var first = await Sandbox.CreateGroupAsync("一群");
        var second = await Sandbox.CreateGroupAsync("二群");
        for (var i = 0; i < 3; i++) await Sandbox.SendAsync(first, "message", "spammer", $"看 http://spam{i}.example.com", memberName: "广告哥");
        await Eventually.UntilAsync(() => Sandbox.TranscriptAsync(first), t => t.Any(l => l.Kind == "removed"));

        await Sandbox.SendAsync(second, "join", "spammer");
        await Sandbox.SendAsync(second, "join", "friend", memberName: "好友");

        var transcript = await Eventually.UntilAsync(() => Sandbox.TranscriptAsync(second), t => t.Any(l => l.Kind == "removed"));
        transcript.Single(l => l.Kind == "removed").MemberId.ShouldBe("spammer");
        (await Sandbox.BotMessagesAsync(second, 2)).ShouldContain(m => m.Contains("黑名单", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ViolatingMessage_DoesNotCountForCheckInOrAutoReply()
    {
        var group = await Sandbox.CreateGroupAsync();
        await Sandbox.SendAsync(group, "message", "u1", "签到 http://spam.example.com", memberName: "小王");
        await Sandbox.SendAsync(group, "message", "u2", "签到", memberName: "小李");

        var replies = await Sandbox.BotMessagesAsync(group, 2);
        replies[0].ShouldContain("警告 1/3");
        replies[1].ShouldContain("今天第 1 位");
        await using var db = Server.CreateDbContext();
        (await db.CheckIns.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Flooding_MoreThanSixMessagesInTenSeconds_Warned()
    {
        var group = await Sandbox.CreateGroupAsync();
        for (var i = 0; i < 7; i++) await Sandbox.SendAsync(group, "message", "u1", $"第{i}条", memberName: "刷屏者");

        (await Sandbox.BotMessagesAsync(group, 1))[0].ShouldBe("⚠️ 刷屏者 刷屏，警告 1/3");
        await using var db = Server.CreateDbContext();
        (await db.Violations.SingleAsync()).Kind.ShouldBe(ViolationKind.Flooding);
    }

    [Fact]
    public async Task Remove_OnPlatformThatCannot_BecomesStaffTaskNotSilence()
    {
        // A group that behaves like WeCom: the bot cannot remove or mute members or delete messages.
        var group = await Sandbox.CreateGroupAsync("企微客户群", extra: new
        {
            Capabilities = new { removesMembers = false, mutesMembers = false, deletesMessages = false },
        });
        for (var i = 0; i < 3; i++) await Sandbox.SendAsync(group, "message", "spammer", $"看 http://spam{i}.example.com", memberName: "广告哥");
        await Sandbox.BotMessagesAsync(group, 3);

        await using var db = Server.CreateDbContext();
        var tasks = await Eventually.UntilAsync(() => db.StaffTasks.AsNoTracking().ToListAsync(), t => t.Count >= 5);
        tasks.ShouldContain(t => t.Kind == "RemoveMember" && t.Title.Contains("广告哥", StringComparison.Ordinal));
        tasks.ShouldContain(t => t.Kind == "MuteMember");
        tasks.Count(t => t.Kind == "DeleteMessage").ShouldBe(3);
        (await Sandbox.TranscriptAsync(group)).ShouldNotContain(l => l.Kind == "removed" || l.Kind == "muted");
    }
}
