using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Qunzhu.Server.Storage;

/// <summary>SQLite has one writer. Left to itself, a writer that finds the file locked sleeps in SQLite's
/// busy handler (1, 2, 5 … 100 ms back-off) on a blocked thread; with the inbox writer, the partition
/// loops and delivery all writing, throughput collapsed to a few hundred events a second. Here every
/// write transaction (and every write command outside one) first takes an async FIFO gate, so writers
/// queue without blocking threads and SQLite never answers "busy". One gate per process: SQLite is the
/// single-node store (several nodes use PostgreSQL, which needs no gate).
/// Every write waits its turn here, so how long the gate is held and waited for is the first thing to look at when
/// replies are slow: both are histograms of meter <see cref="MeterName"/> (<c>dotnet-counters monitor --counters
/// Qunzhu.Storage</c>; the load test prints them).</summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    public const string MeterName = "Qunzhu.Storage";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> WaitTimes = Meter.CreateHistogram<double>("qunzhu.sqlite.write_gate.wait", "ms",
        "How long a writer waited for the SQLite write gate.");
    private static readonly Histogram<double> HoldTimes = Meter.CreateHistogram<double>("qunzhu.sqlite.write_gate.hold", "ms",
        "How long a writer held the SQLite write gate (its transaction, or one write command outside a transaction).");

    /// <summary>The tag that tells the holders apart: <c>writer</c> (a transaction on the single write connection, see
    /// <see cref="SqliteSingleWriter"/>), <c>transaction</c> (one on a pooled connection), <c>command</c> (a write outside a
    /// transaction) or <c>checkpoint</c> (the checkpointer's gated pass).</summary>
    public const string ScopeTag = "qunzhu.sqlite.write_gate.scope";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = [];

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, scope: Scope.Transaction, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        Enter(connection, Scope.Transaction);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Connection(transaction), Scope.Transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Connection(transaction), Scope.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Exit(eventData.Connection(transaction), Scope.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Exit(eventData.Connection(transaction), Scope.Transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action is "Commit" or "Rollback") Exit(transaction.Connection, Scope.Transaction);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // A write command outside a transaction (ExecuteUpdate, ExecuteDelete, PRAGMA) is a transaction of its own.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && command.Connection is { } c) await EnterAsync(c, Scope.Command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null && command.Connection is { } c) Enter(c, Scope.Command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (command.Connection is { } c) Exit(c, Scope.Command);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (command.Connection is { } c) Exit(c, Scope.Command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        if (command.Connection is { } c) Exit(c, Scope.Command);
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback is rolled back with its connection: never keep the gate past it.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Exit(connection, Scope.Any);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(connection, Scope.Any);
        return Task.CompletedTask;
    }

    private async Task EnterAsync(DbConnection connection, Scope scope, CancellationToken ct)
    {
        var holder = _holders.GetOrCreateValue(connection);
        if (holder.Held != Scope.None) return;
        var started = Stopwatch.GetTimestamp();
        await _gate.WaitAsync(ct);
        holder.Acquired(scope, started);
    }

    private void Enter(DbConnection connection, Scope scope)
    {
        var holder = _holders.GetOrCreateValue(connection);
        if (holder.Held != Scope.None) return;
        var started = Stopwatch.GetTimestamp();
        _gate.Wait();
        holder.Acquired(scope, started);
    }

    private void Exit(DbConnection? connection, Scope scope)
    {
        if (connection is null || !_holders.TryGetValue(connection, out var holder)) return;
        var held = holder.Held;
        // A lent write connection's transactions and commands end inside the lease; only the lease ends the hold.
        if (held is Scope.None or Scope.Lease || (scope != Scope.Any && held != scope)) return;
        holder.Held = Scope.None;
        HoldTimes.Record(Stopwatch.GetElapsedTime(holder.Since).TotalMilliseconds, Tag(held));
        _gate.Release();
    }

    /// <summary>Holds the gate outside any EF transaction: no writer of this process starts until the returned hold is
    /// disposed. The checkpointer's gated pass holds it so; the single writer (<see cref="SqliteSingleWriter"/>) binds
    /// its connection to the hold, so that the transactions it lends the connection to do not take the gate again.</summary>
    public async Task<Hold> HoldAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await _gate.WaitAsync(ct);
        return new Hold(this, started);
    }

    /// <summary>The gate if no writer holds it or waits for it now, else null.</summary>
    public Hold? TryHold()
    {
        var started = Stopwatch.GetTimestamp();
        return _gate.Wait(0) ? new Hold(this, started) : null;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>The gate, held until disposed; recorded as <c>writer</c> when a connection is bound, else <c>checkpoint</c>.</summary>
    internal sealed class Hold(SqliteWriteGate gate, long waitStarted) : IDisposable
    {
        private readonly long _since = Stopwatch.GetTimestamp();
        private DbConnection? _connection;
        private int _released;

        /// <summary>Marks <paramref name="connection"/> as holding the gate until this is disposed.</summary>
        public void Bind(DbConnection connection)
        {
            _connection = connection;
            gate._holders.GetOrCreateValue(connection).Held = Scope.Lease;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            if (_connection is not null) gate._holders.GetOrCreateValue(_connection).Held = Scope.None;
            var tag = Tag(_connection is null ? Scope.Checkpoint : Scope.Lease);
            WaitTimes.Record(Stopwatch.GetElapsedTime(waitStarted, _since).TotalMilliseconds, tag);
            HoldTimes.Record(Stopwatch.GetElapsedTime(_since).TotalMilliseconds, tag);
            gate._gate.Release();
        }
    }

    private static KeyValuePair<string, object?> Tag(Scope scope) => new(ScopeTag, scope switch
    {
        Scope.Transaction => "transaction",
        Scope.Command => "command",
        Scope.Lease => "writer",
        _ => "checkpoint",
    });

    private enum Scope
    {
        None,
        Transaction,
        Command,
        Any,
        Checkpoint,

        /// <summary>The single writer's connection, lent to a transaction: only its lease ends the hold.</summary>
        Lease,
    }

    private sealed class Holder
    {
        public Scope Held { get; set; }

        /// <summary>When the gate was taken (a <see cref="Stopwatch"/> timestamp).</summary>
        public long Since { get; private set; }

        public void Acquired(Scope scope, long waitStarted)
        {
            Since = Stopwatch.GetTimestamp();
            WaitTimes.Record(Stopwatch.GetElapsedTime(waitStarted, Since).TotalMilliseconds, SqliteWriteGate.Tag(scope));
            Held = scope;
        }
    }
}
