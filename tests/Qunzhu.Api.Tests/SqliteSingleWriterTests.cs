using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Storage;
using Qunzhu.Testing;
using Shouldly;

namespace Qunzhu.Api.Tests;

/// <summary>On SQLite the hot paths' write transactions run on the process's one write connection (its page cache stays
/// warm between them). What must hold for that: a failed transaction leaves nothing behind and does not stop the next
/// writer, a context is back on a connection of its own once its transaction ends, and writes made from other
/// connections in between are seen.</summary>
public sealed class SqliteSingleWriterTests : IAsyncDisposable
{
    private readonly QunzhuServer _server = new();

    /// <summary>The running server's context factory, after <paramref name="setupSql"/> ran (on a pooled connection).</summary>
    private async Task<IAppDbContextFactory> StartAsync(string? setupSql = null)
    {
        _ = _server.CreateApiClient();
        var dbs = _server.Services.GetRequiredService<IAppDbContextFactory>();
        if (setupSql is null) return dbs;
        await using var setup = dbs.Create();
        await setup.Database.ExecuteSqlRawAsync(setupSql, TestContext.Current.CancellationToken);
        return dbs;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task AFailedWrite_RollsBack_AndTheNextWriterAndTheSameContextCarryOn()
    {
        var ct = TestContext.Current.CancellationToken;
        var dbs = await StartAsync("CREATE TABLE probe (k TEXT PRIMARY KEY)");

        await using var failing = dbs.Create();
        var own = failing.Database.GetDbConnection();
        await using (var tx = await failing.BeginWriteAsync(ct))
        {
            var lent = failing.Database.GetDbConnection();
            lent.ShouldNotBeSameAs(own);
            await failing.Database.ExecuteSqlRawAsync("INSERT INTO probe (k) VALUES ('a')", ct);
            await Should.ThrowAsync<SqliteException>(() => failing.Database.ExecuteSqlRawAsync("INSERT INTO probe (k) VALUES ('a')", ct));
        }
        // Back on a connection of its own, and usable.
        (await failing.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM probe").SingleAsync(ct)).ShouldBe(0);

        await using (var next = dbs.Create())
        {
            await using var tx = await next.BeginWriteAsync(ct);
            await next.Database.ExecuteSqlRawAsync("INSERT INTO probe (k) VALUES ('b')", ct);
            await tx.CommitAsync(ct);
        }
        await using var reader = new SqliteConnection($"Data Source={_server.DatabasePath};Mode=ReadOnly");
        await reader.OpenAsync(ct);
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT group_concat(k) FROM probe";
        (await count.ExecuteScalarAsync(ct)).ShouldBe("b");
    }

    [Fact]
    public async Task WritesFromOtherConnections_BetweenTwoOfItsTransactions_AreSeenByTheNext()
    {
        var ct = TestContext.Current.CancellationToken;
        var dbs = await StartAsync("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO counter VALUES (1, 0)");

        for (var round = 0; round < 20; round++)
        {
            // A pooled connection's write (the API's, a job's) …
            await using (var other = dbs.Create())
                await other.Database.ExecuteSqlRawAsync("UPDATE counter SET n = n + 1 WHERE id = 1", ct);
            // … is read by the write connection's next transaction, which builds on it.
            await using var db = dbs.Create();
            await using var tx = await db.BeginWriteAsync(ct);
            var n = await db.Database.SqlQueryRaw<int>("SELECT n AS Value FROM counter WHERE id = 1").SingleAsync(ct);
            n.ShouldBe(round * 2 + 1);
            await db.Database.ExecuteSqlAsync($"UPDATE counter SET n = {n + 1} WHERE id = 1", ct);
            await tx.CommitAsync(ct);
        }
        await using var check = dbs.Create();
        (await check.Database.SqlQueryRaw<int>("SELECT n AS Value FROM counter WHERE id = 1").SingleAsync(ct)).ShouldBe(40);
    }

    [Fact]
    public async Task AContextWithItsOwnConnectionOpen_IsRefused_AndTheGateIsNotKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var dbs = await StartAsync();

        await using (var open = dbs.Create())
        {
            await open.Database.OpenConnectionAsync(ct);
            await Should.ThrowAsync<InvalidOperationException>(() => open.BeginWriteAsync(ct));
        }
        // The next writer gets the gate (bounded: a kept gate would wait forever).
        await using var next = dbs.Create();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        await using var tx = await next.BeginWriteAsync(timeout.Token);
        await tx.CommitAsync(ct);
    }
}
