using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Qunzhu.Storage;

/// <summary>A store with one writer (SQLite) can lend its single write connection, with the right to write, to a hot-path
/// transaction. SQLite drops a connection's whole page cache at the start of a transaction whenever another connection
/// wrote since, so with the inbox, the engine and delivery each writing from a pooled connection every write transaction
/// started cold: at 1,000 events/s the engine's write read a dozen pages back from the log for each row it inserted. On
/// one connection that only this process's writers use, the pages they touch stay cached between their transactions.
/// The provider's write gate implements this and is found among the context's interceptors.</summary>
public interface ISingleWriter
{
    /// <summary>Waits for the right to write (in turn with every other writer of the process) and lends the write
    /// connection, open, until the lease is disposed.</summary>
    Task<IWriterLease> AcquireAsync(CancellationToken ct);
}

/// <summary>The write connection and the right to write, until disposed.</summary>
public interface IWriterLease : IDisposable
{
    DbConnection Connection { get; }

    /// <summary>The lease ends without a commit (an error): the connection is opened afresh for the next writer, in case
    /// the error left it inside a transaction.</summary>
    void Discard();
}

/// <summary>A write transaction begun with <see cref="WriteTransactions.BeginWriteAsync"/>. Dispose it (await using);
/// without <see cref="CommitAsync"/> it rolls back.</summary>
public sealed class WriteTransaction : IAsyncDisposable
{
    private readonly AppDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly IWriterLease? _lease;
    private readonly string? _connectionString;
    private bool _committed;
    private bool _disposed;

    internal WriteTransaction(AppDbContext db, IDbContextTransaction transaction, IWriterLease? lease, string? connectionString)
    {
        (_db, _transaction, _lease, _connectionString) = (db, transaction, lease, connectionString);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await _transaction.CommitAsync(ct);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            await _transaction.DisposeAsync();
        }
        finally
        {
            if (_lease is not null)
            {
                try
                {
                    // The context goes back to a connection of its own before the write connection is lent to anyone else.
                    WriteTransactions.Restore(_db, _connectionString);
                }
                finally
                {
                    if (!_committed) _lease.Discard();
                    _lease.Dispose();
                }
            }
        }
    }
}

public static class WriteTransactions
{
    /// <summary>Begins a write transaction: on a store with one writer, on its write connection (see
    /// <see cref="ISingleWriter"/>); elsewhere an ordinary transaction on the context's own connection. Until the
    /// transaction is disposed, use the context for this transaction's work only (it is on the lent connection).</summary>
    public static async Task<WriteTransaction> BeginWriteAsync(this AppDbContext db, CancellationToken ct)
    {
        var writer = SingleWriterOf(db);
        if (writer is null || db.Database.CurrentTransaction is not null)
            return new WriteTransaction(db, await db.Database.BeginTransactionAsync(ct), null, null);

        var lease = await writer.AcquireAsync(ct);
        var connectionString = db.Database.GetConnectionString();
        var swapped = false;
        try
        {
            // The context's own connection is closed between its queries; it is swapped for the write connection (open,
            // not the context's to close or dispose) and, when the transaction ends, for a fresh one of its own again.
            db.Database.SetDbConnection(lease.Connection, contextOwnsConnection: false);
            swapped = true;
            return new WriteTransaction(db, await db.Database.BeginTransactionAsync(ct), lease, connectionString);
        }
        catch
        {
            // Whatever failed, the gate is released (a context left with an open connection of its own is not swapped).
            try
            {
                if (swapped) Restore(db, connectionString);
            }
            finally
            {
                lease.Discard();
                lease.Dispose();
            }
            throw;
        }
    }

    internal static void Restore(AppDbContext db, string? connectionString)
    {
        db.Database.SetDbConnection(null);
        db.Database.SetConnectionString(connectionString);
    }

    // Looked up once per options (a pooled context's are shared), not on every write transaction.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDbContextOptions, ISingleWriter?[]> Writers = [];

    private static ISingleWriter? SingleWriterOf(AppDbContext db) =>
        Writers.GetValue(db.GetService<IDbContextOptions>(), options =>
            [options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<ISingleWriter>().FirstOrDefault()])[0];
}
