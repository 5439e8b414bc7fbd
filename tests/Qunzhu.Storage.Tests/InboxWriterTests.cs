using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine;
using Qunzhu.Engine.Accounts;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// Concurrent webhooks share one inbox transaction (group commit). One event the database refuses must fail its own
/// webhook only: the others in the same commit are stored and answered as accepted.
public sealed class InboxWriterTests
{
    [Theory, DatabaseData]
    public async Task OneEventTheDatabaseRefuses_FailsAlone_TheOthersOfItsCommitAreStored(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var writer = new InboxWriter(database.Factory, new EngineSignals(Options.Create(new EngineOptions())), Options.Create(new EngineOptions()),
            TimeProvider.System, NullLogger<InboxWriter>.Instance, new AccountActivity());
        var (workspace, account) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        InboxItem Item(string id) => new(workspace, account, PlatformKind.Bridge, id, "chat-1", "{}");

        // Queued before the writer runs, so all four are in its first commit; the third id is longer than its column
        // (PostgreSQL refuses it; SQLite does not enforce lengths), the fourth repeats the first.
        var tooLong = new string('x', 200);
        var writes = new[] { Item("a"), Item("b"), Item(tooLong), Item("a") }
            .Select(item => writer.AcceptAsync(item, TestContext.Current.CancellationToken)).ToList();
        await writer.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            (await writes[0]).ShouldBeTrue();
            (await writes[1]).ShouldBeTrue();
            (await writes[3]).ShouldBeFalse("the same id again is a replay, accepted and not stored twice");
            if (provider == StorageProvider.Postgres) await Should.ThrowAsync<Exception>(writes[2]);
            else (await writes[2]).ShouldBeTrue();
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }

        await using var db = database.CreateContext();
        var stored = await db.Inbox.Where(e => e.AccountId == account).Select(e => e.PlatformEventId).OrderBy(id => id).ToListAsync();
        stored.ShouldBe(provider == StorageProvider.Postgres ? ["a", "b"] : ["a", "b", tooLong]);
    }
}
