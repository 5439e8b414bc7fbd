using Microsoft.Data.Sqlite;
using Qunzhu.Server.Storage;
using Shouldly;

namespace Qunzhu.Api.Tests;

/// <summary>The checkpointer flushes the database and its log before it holds every writer, through SQLite's own
/// descriptors: a descriptor of its own, once closed, would drop the process's POSIX locks on the file, and another
/// process could then write in the middle of a transaction.</summary>
public sealed class SqliteFileSyncTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "qunzhu-sync-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Sync_UsesSqlitesOwnDescriptors_WhileATransactionIsInProgress()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Flushing through SQLite's descriptors needs /proc (Linux).");
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "t.db");
        var cs = $"Data Source={path};Pooling=False";
        await using var holder = new SqliteConnection(cs);
        await holder.OpenAsync(ct);
        await using (var create = holder.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1);";
            await create.ExecuteNonQueryAsync(ct);
        }
        // The holder is in the middle of a write: it holds SQLite's write lock.
        await using var tx = (SqliteTransaction)await holder.BeginTransactionAsync(ct);
        await using (var insert = holder.CreateCommand())
        {
            insert.CommandText = "INSERT INTO t VALUES (2)";
            await insert.ExecuteNonQueryAsync(ct);
        }
        var before = Directory.GetFileSystemEntries("/proc/self/fd").Select(Path.GetFileName).ToHashSet();

        int dbFd = -1, logFd = -1;
        SqliteFileSync.TrySync(path, ref dbFd).ShouldBeTrue();
        SqliteFileSync.TrySync(path + "-wal", ref logFd).ShouldBeTrue();
        // SQLite's descriptors, open before the call (none of its own).
        before.ShouldContain(dbFd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        before.ShouldContain(logFd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        logFd.ShouldNotBe(dbFd);
        // Found again from the descriptor it remembered.
        var remembered = dbFd;
        SqliteFileSync.TrySync(path, ref dbFd).ShouldBeTrue();
        dbFd.ShouldBe(remembered);

        // The transaction in progress carries on and commits.
        await tx.CommitAsync(ct);
        await using var count = holder.CreateCommand();
        count.CommandText = "SELECT count(*) FROM t";
        (await count.ExecuteScalarAsync(ct)).ShouldBe(2L);
    }

    [Fact]
    public void Sync_OfAFileNobodyHasOpen_FindsNothing()
    {
        var fd = -1;
        SqliteFileSync.TrySync(Path.Combine(_dir, "none.db"), ref fd).ShouldBeFalse();
        fd.ShouldBe(-1);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
