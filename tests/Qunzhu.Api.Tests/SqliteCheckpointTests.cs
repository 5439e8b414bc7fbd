using Microsoft.Data.Sqlite;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// SQLite's own checkpoint is off (it ran inside a writer's commit, holding the write lock); the server copies the
/// write-ahead log into the database file on a connection of its own. What it accepted must reach the file itself
/// while it runs, so the log stays bounded and a copy of the file alone holds the data.
public sealed class SqliteCheckpointTests
{
    [Fact]
    public async Task AcceptedEvents_ReachTheDatabaseFileItself_WhileTheServerRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = new QunzhuServer();
        var sandbox = new SandboxClient(server.CreateApiClient());
        var group = await sandbox.CreateGroupAsync("落盘测试");
        for (var i = 0; i < 20; i++) await sandbox.SendAsync(group, "message", $"u{i}", "签到");
        await sandbox.BotMessagesAsync(group, 20, TimeSpan.FromSeconds(30));

        // The database file alone (without its -wal), copied as a backup tool would copy it. The server looks at the log
        // every second; the whole test suite on two cores can hold a pass back for a while, so the bound is generous.
        var copy = Path.Combine(Path.GetDirectoryName(server.DatabasePath)!, "copy.db");
        var found = 0L;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (found < 20 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, ct);
            File.Copy(server.DatabasePath, copy, overwrite: true);
            found = await ProcessedAsync($"Data Source={copy};Mode=ReadOnly;Pooling=False", ct);
        }
        if (found == 20) return;

        // Why not: were the events processed at all (the live database, log included), and how far could a checkpoint get
        // now (a reader on older frames holds it back)?
        var live = $"Data Source={server.DatabasePath};Pooling=False";
        var processed = await ProcessedAsync(live, ct);
        await using var connection = new SqliteConnection(live);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        found.ShouldBe(20, $"after {waited.Elapsed.TotalSeconds:0.0} s; processed in the live database: {processed}; a checkpoint now: " +
                           $"busy {reader.GetInt64(0)}, {reader.GetInt64(1)} frames in the log, {reader.GetInt64(2)} copied");
    }

    private static async Task<long> ProcessedAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Inbox\" WHERE \"Status\" = 'Processed'";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
