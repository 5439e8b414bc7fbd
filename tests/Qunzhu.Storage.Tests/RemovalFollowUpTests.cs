using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// The leave a sandbox removal causes is stored in the engine's own write, on both providers (on PostgreSQL that write
/// also takes its chat's partition lock, as every inbox write does, so the leave keeps its place in the chat's order).
public sealed class RemovalFollowUpTests
{
    [Theory, DatabaseData]
    public async Task ThirdViolation_RemovesTheMember_AndTheLeaveIsStoredAndProcessedOnce(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var server = new QunzhuServer(settings: database.ServerSettings);
        var sandbox = new SandboxClient(server.CreateApiClient());
        var group = await sandbox.CreateGroupAsync("交流群");
        for (var i = 0; i < 3; i++) await sandbox.SendAsync(group, "message", "spammer", $"看 http://spam{i}.example.com", memberName: "广告哥");
        await sandbox.SendAsync(group, "message", "reader", "大家好", memberName: "读者");

        // Every post was stored before its 202. The leave is stored in the write that settles the third link, and is
        // pending until processed itself: once nothing is pending, everything has been processed, the leave included.
        await using var db = database.CreateContext();
        await Eventually.UntilAsync(() => db.Inbox.AsNoTracking().CountAsync(e => e.Status == Core.Pipeline.InboxStatus.Pending), n => n == 0,
            TimeSpan.FromSeconds(30), "every event processed");
        var leaves = await db.Inbox.AsNoTracking().Where(e => e.PlatformEventId.StartsWith("removed:")).ToListAsync();
        leaves.Count.ShouldBe(1);
        leaves[0].Status.ShouldBe(Core.Pipeline.InboxStatus.Processed);
        leaves[0].Attempts.ShouldBe(0);
        var memberships = await (from m in db.Memberships.AsNoTracking()
                                 join i in db.MemberIdentities on m.MemberId equals i.MemberId
                                 select new { i.ExternalUserId, m.LeftAt }).ToDictionaryAsync(m => m.ExternalUserId, m => m.LeftAt);
        memberships["spammer"].ShouldNotBeNull();
        memberships["reader"].ShouldBeNull();
        (await sandbox.TranscriptAsync(group)).Count(l => l.Kind == "removed").ShouldBe(1);
    }
}
