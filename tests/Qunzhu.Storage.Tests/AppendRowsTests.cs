using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// The hot path appends inbox events and message records without SaveChanges: the rows must read back exactly
/// as SaveChanges would have stored them, keep their order, and a replay must surface as a unique violation.
public sealed class AppendRowsTests
{
    [Theory, DatabaseData]
    public async Task InsertAsync_InboxAndMessages_ReadBackAsSavedWithSequenceInInsertOrder(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var account = Guid.CreateVersion7();
        var events = Enumerable.Range(0, 25).Select(i => Rows.Inbox(account, $"e{i:D2}", chatId: $"chat-{i % 3}", partition: i % 4)).ToList();
        events[3].Error = "kept as written";
        var message = new MessageRecord
        {
            WorkspaceId = Guid.CreateVersion7(),
            CommunityId = Guid.CreateVersion7(),
            MemberId = Guid.CreateVersion7(),
            ExternalMessageId = null,
            Text = "签到 ✅ \"quoted\" 'single'",
            At = Rows.Instant,
            Violation = "link",
        };
        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertAsync(events, CancellationToken.None);
            await db.InsertAsync([message], CancellationToken.None);
            await tx.CommitAsync();
        }

        await using var check = database.CreateContext();
        var stored = await check.Inbox.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        stored.Select(e => e.PlatformEventId).ShouldBe(events.Select(e => e.PlatformEventId));
        stored.Select(e => e.Sequence).Distinct().Count().ShouldBe(events.Count);
        stored[3].Error.ShouldBe("kept as written");
        stored[5].ShouldSatisfyAllConditions(
            e => e.AccountId.ShouldBe(account),
            e => e.WorkspaceId.ShouldBe(events[5].WorkspaceId),
            e => e.ChatId.ShouldBe("chat-2"),
            e => e.Partition.ShouldBe(1),
            e => e.Status.ShouldBe(Core.Pipeline.InboxStatus.Pending),
            e => e.ReceivedAt.ShouldBe(Rows.Instant),
            e => e.ReceivedAt.Kind.ShouldBe(DateTimeKind.Utc),
            e => e.ProcessedAt.ShouldBeNull());
        // What EF queries with (enum as text, Guid and DateTime as the provider stores them) finds the appended rows.
        (await check.Inbox.CountAsync(e => e.AccountId == account && e.Status == Core.Pipeline.InboxStatus.Pending && e.ReceivedAt == Rows.Instant)).ShouldBe(25);
        var read = await check.Messages.AsNoTracking().SingleAsync(m => m.Id == message.Id);
        read.ShouldBeEquivalentTo(message);
    }

    [Theory, DatabaseData]
    public async Task InsertNewAsync_SkipsStoredIds_WritesTheRest_AndSaysWhich(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var account = Guid.CreateVersion7();
        await StoreAsync(database, Rows.Inbox(account, "e1"));

        bool[] written;
        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            // The replay neither fails the transaction (PostgreSQL aborts one on an error) nor hides the row after it.
            written = await db.InsertNewAsync([Rows.Inbox(account, "e2"), Rows.Inbox(account, "e1"), Rows.Inbox(account, "e3")], CancellationToken.None);
            await tx.CommitAsync();
        }

        written.ShouldBe([true, false, true]);
        await using var check = database.CreateContext();
        (await check.Inbox.OrderBy(e => e.Sequence).Select(e => e.PlatformEventId).ToListAsync()).ShouldBe(["e1", "e2", "e3"]);
    }

    [Theory, DatabaseData]
    public async Task InsertAsync_SameEventIdAgain_ThrowsUniqueViolationAndWritesNothingOfTheBatch(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var account = Guid.CreateVersion7();
        await StoreAsync(database, Rows.Inbox(account, "e1"));

        await using (var db = database.CreateContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var error = await Should.ThrowAsync<DbException>(() => db.InsertAsync([Rows.Inbox(account, "e2"), Rows.Inbox(account, "e1")], CancellationToken.None));
            StorageErrors.IsUniqueViolation(error).ShouldBeTrue(error.Message);
        }

        await using var check = database.CreateContext();
        (await check.Inbox.Select(e => e.PlatformEventId).ToListAsync()).ShouldBe(["e1"]);
    }

    [Theory, DatabaseData]
    public async Task InsertAsync_MissingRequiredValue_FailsAndIsNotTakenForADuplicate(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var row = Rows.Inbox(Guid.CreateVersion7(), "e1");
        row.Payload = null!;
        // A replay is answered "accepted"; a row the database refuses for another reason must not be.
        var error = await Should.ThrowAsync<DbException>(() => db.InsertAsync([row], CancellationToken.None));
        StorageErrors.IsUniqueViolation(error).ShouldBeFalse(error.Message);
    }

    [Fact]
    public async Task InsertAsync_WithoutTransaction_RefusesInsteadOfCommittingRowByRow()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(StorageProvider.Sqlite);
        await using var db = database.CreateContext();
        await Should.ThrowAsync<InvalidOperationException>(() => db.InsertAsync([Rows.Inbox(Guid.CreateVersion7(), "e1")], CancellationToken.None));
    }

    /// <summary>Appends and commits one inbox row.</summary>
    private static async Task StoreAsync(TestDatabase database, Core.Pipeline.InboxEvent row)
    {
        await using var db = database.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.InsertAsync([row], CancellationToken.None);
        await tx.CommitAsync();
    }
}
