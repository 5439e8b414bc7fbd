using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// "Exactly one effect per event" rests on these unique indexes, on every provider.
public sealed class UniqueKeyTests
{
    [Theory, DatabaseData]
    public async Task Inbox_SameAccountAndEventIdTwice_SecondThrowsAndOneRowStays(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var account = Guid.CreateVersion7();
        await AddAsync(database, db => db.Inbox.Add(Rows.Inbox(account, "e1")));

        await Should.ThrowAsync<DbUpdateException>(() => AddAsync(database, db => db.Inbox.Add(Rows.Inbox(account, "e1"))));
        await AddAsync(database, db => db.Inbox.Add(Rows.Inbox(Guid.CreateVersion7(), "e1")));

        await using var check = database.CreateContext();
        (await check.Inbox.CountAsync(e => e.AccountId == account && e.PlatformEventId == "e1")).ShouldBe(1);
        (await check.Inbox.CountAsync()).ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task Inbox_InsertsAloneAndInOneBatch_SequenceFollowsInsertOrder(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var account = Guid.CreateVersion7();
        var ids = Enumerable.Range(0, 30).Select(i => $"e{i:D2}").ToList();
        foreach (var id in ids.Take(5)) await AddAsync(database, db => db.Inbox.Add(Rows.Inbox(account, id)));
        // The inbox writer commits many events in one SaveChanges: their order must hold too.
        await AddAsync(database, db => db.Inbox.AddRange(ids.Skip(5).Select(id => Rows.Inbox(account, id))));

        await using var check = database.CreateContext();
        var stored = await check.Inbox.OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.PlatformEventId }).ToListAsync();
        stored.Select(e => e.PlatformEventId).ShouldBe(ids);
        stored.Select(e => e.Sequence).ShouldBeInOrder(SortDirection.Ascending);
        stored.Select(e => e.Sequence).Distinct().Count().ShouldBe(ids.Count);
    }

    [Theory, DatabaseData]
    public async Task PointsLedger_SameWorkspaceAndKeyTwice_SecondThrowsAndOneRowStays(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var workspace = Guid.CreateVersion7();
        const string key = "checkin:c1:m1:2026-11-23";
        await AddAsync(database, db => db.PointsLedger.Add(Rows.Points(workspace, key)));

        await Should.ThrowAsync<DbUpdateException>(() => AddAsync(database, db => db.PointsLedger.Add(Rows.Points(workspace, key, 99))));
        await AddAsync(database, db => db.PointsLedger.Add(Rows.Points(Guid.CreateVersion7(), key)));

        await using var check = database.CreateContext();
        var rows = await check.PointsLedger.Where(p => p.WorkspaceId == workspace).ToListAsync();
        rows.ShouldHaveSingleItem().Amount.ShouldBe(10);
    }

    [Theory, DatabaseData]
    public async Task Outbox_SameIdempotencyKeyTwice_SecondThrowsAndOneRowStays(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        await AddAsync(database, db => db.Outbox.Add(Rows.Outbox("acct:e1:0")));

        await Should.ThrowAsync<DbUpdateException>(() => AddAsync(database, db => db.Outbox.Add(Rows.Outbox("acct:e1:0"))));

        await using var check = database.CreateContext();
        (await check.Outbox.CountAsync(o => o.IdempotencyKey == "acct:e1:0")).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task StaffTask_SameWorkspaceAndKeyTwice_SecondThrowsAndOneRowStays(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var workspace = Guid.CreateVersion7();
        await AddAsync(database, db => db.StaffTasks.Add(Rows.StaffTask(workspace, "acct:e1:0")));

        await Should.ThrowAsync<DbUpdateException>(() => AddAsync(database, db => db.StaffTasks.Add(Rows.StaffTask(workspace, "acct:e1:0"))));
        await AddAsync(database, db => db.StaffTasks.Add(Rows.StaffTask(Guid.CreateVersion7(), "acct:e1:0")));

        await using var check = database.CreateContext();
        (await check.StaffTasks.CountAsync(t => t.WorkspaceId == workspace)).ShouldBe(1);
        (await check.StaffTasks.CountAsync()).ShouldBe(2);
    }

    /// Each write in its own context, as separate requests or nodes would make it.
    private static async Task AddAsync(TestDatabase database, Action<AppDbContext> add)
    {
        await using var db = database.CreateContext();
        add(db);
        await db.SaveChangesAsync();
    }
}
