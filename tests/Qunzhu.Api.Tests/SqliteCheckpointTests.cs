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
        await using var server = new QunzhuServer();
        var sandbox = new SandboxClient(server.CreateApiClient());
        var group = await sandbox.CreateGroupAsync("落盘测试");
        for (var i = 0; i < 20; i++) await sandbox.SendAsync(group, "message", $"u{i}", "签到");
        await sandbox.BotMessagesAsync(group, 20, TimeSpan.FromSeconds(30));

        // The database file alone (without its -wal), copied as a backup tool would copy it.
        var copy = Path.Combine(Path.GetDirectoryName(server.DatabasePath)!, "copy.db");
        var found = 0L;
        for (var attempt = 0; attempt < 100 && found < 20; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            File.Copy(server.DatabasePath, copy, overwrite: true);
            await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM \"Inbox\" WHERE \"Status\" = 'Processed'";
            found = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }
        found.ShouldBe(20);
    }
}
