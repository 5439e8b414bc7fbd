using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunzhu.Server.Storage;

/// <summary>Per-connection SQLite settings. WAL itself is persistent and set once at start-up;
/// synchronous=NORMAL is safe in WAL mode (a power cut may lose the last commits, never corrupt).
/// EF opens a connection for nearly every query, and Microsoft.Data.Sqlite pools the native handles, so
/// the settings are applied once per native handle, not on every open.</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    // No automatic checkpoint: it would run inside a writer's commit, holding the write lock (SqliteCheckpointer
    // does it on a connection of its own). A log started again is cut back to 256 MiB, the size at which the checkpointer
    // starts it again: smaller, and every cycle would grow the file anew (the kernel zero-fills each new block).
    internal const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA mmap_size=268435456; " +
                               "PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=268435456;";
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!Configure(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!Configure(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <returns>True the first time this native handle is seen.</returns>
    private bool Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return true;
        return _configured.TryAdd(handle, handle);
    }
}
