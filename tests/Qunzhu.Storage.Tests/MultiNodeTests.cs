using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Processing;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// Several server processes on one PostgreSQL (DESIGN.md, "Storage and scale"): each event has exactly one
/// effect, per-group order holds, no action is delivered twice. Two real servers, one database.
public sealed class MultiNodeTests
{
    private const int Groups = 10;
    private const int MembersPerGroup = 20;
    private const int Partitions = 8;

    [Theory, DatabaseData(Providers = new[] { StorageProvider.Postgres })]
    public async Task TwoServers_CheckInsPostedThroughBoth_EachProcessedOnceAndAnsweredInGroupOrder(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        // The first server migrates and seeds (owner, API key, sandbox account) before the second starts,
        // so the second finds users and both accept the same key.
        await using var a = new QunzhuServer(settings: Settings(database, "a"));
        var sandboxA = new SandboxClient(a.CreateApiClient());
        await using var b = new QunzhuServer(settings: Settings(database, "b"));
        var sandboxB = new SandboxClient(b.CreateApiClient());

        var groups = new List<Guid>();
        for (var g = 0; g < Groups; g++) groups.Add(await sandboxA.CreateGroupAsync($"打卡{g}群", "check-in"));
        await SplitPartitionsAsync(a, b);

        // Every member checks in once in every group; each message goes through one server or the other.
        var posts = (from g in Enumerable.Range(0, Groups) from m in Enumerable.Range(0, MembersPerGroup) select (g, m)).ToList();
        await Parallel.ForEachAsync(posts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (post, _) =>
        {
            var (g, m) = post;
            var through = (g + m) % 2 == 0 ? sandboxA : sandboxB;
            await through.SendAsync(groups[g], "message", $"u{m:D2}", "签到", memberName: $"成员{m:D2}", eventId: $"g{g}-u{m:D2}");
        });

        await using var db = database.CreateContext();
        await Eventually.UntilAsync(
            async () => (Settled: await db.Inbox.CountAsync(e => e.Status != InboxStatus.Pending),
                Delivered: await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Delivered)),
            done => done.Settled == posts.Count && done.Delivered == posts.Count, TimeSpan.FromSeconds(90), "every check-in answered");

        var inbox = await db.Inbox.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        inbox.Count.ShouldBe(posts.Count);
        inbox.ShouldAllBe(e => e.Status == InboxStatus.Processed);
        // First time: no batch lost a race with another partition over a new member and was redone.
        inbox.ShouldAllBe(e => e.Attempts == 0 && e.Error == null);
        var identities = await db.MemberIdentities.AsNoTracking().ToDictionaryAsync(i => i.ExternalUserId, i => i.MemberId);
        identities.Count.ShouldBe(MembersPerGroup, "one member per person, across groups and nodes");

        var checkIns = await db.CheckIns.AsNoTracking().ToListAsync();
        checkIns.Count.ShouldBe(posts.Count);
        checkIns.GroupBy(c => (c.CommunityId, c.MemberId)).ShouldAllBe(perMember => perMember.Count() == 1);
        var ledger = await db.PointsLedger.AsNoTracking().ToListAsync();
        ledger.Count.ShouldBe(posts.Count);
        ledger.GroupBy(p => (p.CommunityId, p.MemberId)).ShouldAllBe(perMember => perMember.Count() == 1);

        var outbox = await db.Outbox.AsNoTracking().ToListAsync();
        outbox.Count.ShouldBe(posts.Count);
        outbox.ShouldAllBe(o => o.Status == OutboxStatus.Delivered && o.Attempts == 1);
        var lines = await db.SandboxLines.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        lines.Select(l => l.IdempotencyKey).Order(StringComparer.Ordinal)
            .ShouldBe(outbox.Select(o => o.IdempotencyKey).Order(StringComparer.Ordinal), "one sandbox line per outbox key");

        var communities = await db.Communities.AsNoTracking().ToDictionaryAsync(c => c.Id);
        var sequenceOfKey = inbox.ToDictionary(e => $"{e.AccountId:N}:{e.PlatformEventId}:0", e => e.Sequence);
        foreach (var group in groups)
        {
            var community = communities[group];
            var events = inbox.Where(e => e.ChatId == community.ExternalId).ToList();
            events.Count.ShouldBe(MembersPerGroup);
            var checkInOf = checkIns.Where(c => c.CommunityId == group).ToDictionary(c => c.MemberId);
            var inOrder = events.Select(e => checkInOf[identities[MemberOf(e)]]).ToList();
            // Ranks are 1..n in inbox order (per local day, should the day turn during the test).
            foreach (var day in inOrder.GroupBy(c => c.LocalDate))
                day.Select(c => c.Rank).ShouldBe(Enumerable.Range(1, day.Count()), $"ranks in group {community.Name}");

            // The bot answered in the same order the members wrote, each answer naming the member's rank.
            var answers = lines.Where(l => l.CommunityId == group).ToList();
            answers.Select(l => sequenceOfKey[l.IdempotencyKey]).ShouldBe(events.Select(e => e.Sequence), $"answers in group {community.Name}");
            for (var i = 0; i < answers.Count; i++)
                answers[i].Text.ShouldNotBeNull().ShouldContain($"今天第 {inOrder[i].Rank} 位");
        }
    }

    [Theory, DatabaseData(Providers = new[] { StorageProvider.Postgres })]
    public async Task TwoServers_SpammersInEveryGroup_EachRemovedOnce_AndEachLeaveStoredAndProcessedOnce(StorageProvider provider)
    {
        // A removal's leave is stored in the engine's own write, which on PostgreSQL then takes the chat's partition lock,
        // while both nodes' inbox writers take the same locks for the chat's other members.
        await using var database = await TestDatabases.CreateAsync(provider);
        await using var a = new QunzhuServer(settings: Settings(database, "a"));
        await using var b = new QunzhuServer(settings: Settings(database, "b"));
        SandboxClient[] through = [new(a.CreateApiClient()), new(b.CreateApiClient())];
        var groups = new List<Guid>();
        for (var g = 0; g < Groups; g++) groups.Add(await through[0].CreateGroupAsync($"交流{g}群"));
        await SplitPartitionsAsync(a, b);

        // In every group, at the same time: readers chat, and a spammer posts a link three times (in order, through
        // alternating nodes).
        var readers = Parallel.ForEachAsync(from g in Enumerable.Range(0, Groups) from k in Enumerable.Range(0, 3) select (g, k),
            new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (post, _) =>
                await through[post.k % 2].SendAsync(groups[post.g], "message", $"reader{post.g}-{post.k}", "大家好", memberName: $"读者{post.k}", eventId: $"g{post.g}-r{post.k}"));
        var spammers = Parallel.ForEachAsync(Enumerable.Range(0, Groups), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (g, _) =>
        {
            for (var k = 0; k < 3; k++)
                await through[(g + k) % 2].SendAsync(groups[g], "message", $"spammer{g}", $"看 http://spam{k}.example.com", memberName: "广告哥", eventId: $"g{g}-s{k}");
        });
        await Task.WhenAll(readers, spammers);

        await using var db = database.CreateContext();
        await Eventually.UntilAsync(
            async () => (Leaves: await db.Inbox.CountAsync(e => e.PlatformEventId.StartsWith("removed:") && e.Status == InboxStatus.Processed),
                Pending: await db.Inbox.CountAsync(e => e.Status == InboxStatus.Pending)),
            done => done is { Leaves: Groups, Pending: 0 }, TimeSpan.FromSeconds(90), "every spammer removed and gone");

        var inbox = await db.Inbox.AsNoTracking().ToListAsync();
        inbox.ShouldAllBe(e => e.Status == InboxStatus.Processed && e.Error == null);
        inbox.Count(e => e.PlatformEventId.StartsWith("removed:", StringComparison.Ordinal)).ShouldBe(Groups);
        var left = await (from m in db.Memberships.AsNoTracking()
                          join i in db.MemberIdentities on m.MemberId equals i.MemberId
                          select new { i.ExternalUserId, m.LeftAt }).ToListAsync();
        left.Where(m => m.ExternalUserId.StartsWith("spammer", StringComparison.Ordinal)).ShouldAllBe(m => m.LeftAt != null);
        left.Count(m => m.ExternalUserId.StartsWith("spammer", StringComparison.Ordinal)).ShouldBe(Groups);
        left.Where(m => m.ExternalUserId.StartsWith("reader", StringComparison.Ordinal)).ShouldAllBe(m => m.LeftAt == null);
        (await db.SandboxLines.AsNoTracking().CountAsync(l => l.Kind == "removed")).ShouldBe(Groups);
    }

    /// <summary>Waits until each node holds half of the partitions, none of them both.</summary>
    private static async Task SplitPartitionsAsync(QunzhuServer a, QunzhuServer b)
    {
        var leasesA = a.Services.GetRequiredService<PartitionLeases>();
        var leasesB = b.Services.GetRequiredService<PartitionLeases>();
        await Eventually.UntilAsync(() => Task.FromResult((A: leasesA.Owned.Count, B: leasesB.Owned.Count)),
            owned => owned is { A: Partitions / 2, B: Partitions / 2 }, TimeSpan.FromSeconds(30), "the nodes to split the partitions");
        leasesA.Owned.Intersect(leasesB.Owned).ShouldBeEmpty();
    }

    private static Dictionary<string, string?> Settings(TestDatabase database, string node)
    {
        var settings = database.ServerSettings;
        settings["Engine:NodeName"] = node;
        settings["Engine:LeaseDuration"] = "00:00:03";
        return settings;
    }

    private static string MemberOf(InboxEvent e) =>
        JsonDocument.Parse(e.Payload).RootElement.GetProperty("memberId").GetString()!;
}
