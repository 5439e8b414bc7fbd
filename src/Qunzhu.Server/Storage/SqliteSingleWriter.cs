using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qunzhu.Storage;

namespace Qunzhu.Server.Storage;

/// <summary>The process's one write connection to its SQLite file, lent with the write gate to the hot paths' transactions
/// (the inbox's group commit, the engine's batch, delivery; see <see cref="ISingleWriter"/>). Nothing else writes from it,
/// so SQLite keeps its page cache between those transactions (a pooled connection's cache is dropped whenever another
/// connection wrote since its last transaction), and its cache is larger than a pooled connection's. Other writes (the
/// API, jobs) still take the gate on pooled connections; the write connection's cache is then dropped once, as before.
/// Found by <see cref="WriteTransactions.BeginWriteAsync"/> among the context's interceptors; not registered for an
/// in-memory database (another connection would be another database).</summary>
internal sealed class SqliteSingleWriter(string connectionString, SqliteWriteGate gate) : ISingleWriter, IInterceptor, IDisposable
{
    /// <summary>64 MiB of page cache (pooled connections keep SQLite's default 2 MiB): the indexes the hot paths append to
    /// by group and by member stay cached.</summary>
    private const string Pragmas = SqlitePragmas.Sql + " PRAGMA cache_size=-65536;";

    // Only touched while the gate is held.
    private SqliteConnection? _connection;

    public async Task<IWriterLease> AcquireAsync(CancellationToken ct)
    {
        var hold = await gate.HoldAsync(ct);
        try
        {
            if (_connection is not { State: System.Data.ConnectionState.Open })
            {
                _connection?.Dispose();
                _connection = null;
                _connection = await OpenAsync(ct);
            }
        }
        catch
        {
            hold.Dispose();
            throw;
        }
        hold.Bind(_connection);
        return new Lease(this, _connection, hold);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _connection?.Dispose();

    private sealed class Lease(SqliteSingleWriter writer, SqliteConnection connection, IDisposable hold) : IWriterLease
    {
        private bool _discard;

        public DbConnection Connection => connection;

        public void Discard() => _discard = true;

        public void Dispose()
        {
            if (_discard && ReferenceEquals(writer._connection, connection))
            {
                // Still under the gate: the next writer opens a fresh connection.
                writer._connection = null;
                connection.Dispose();
            }
            hold.Dispose();
        }
    }
}
