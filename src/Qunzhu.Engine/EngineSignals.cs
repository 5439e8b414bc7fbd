using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Qunzhu.Engine;

/// <summary>In-process wake-ups so work written on this node is picked up at once instead of at the
/// next poll. Other nodes' work is found by polling; a lost signal only costs one poll interval.</summary>
public sealed class EngineSignals
{
    private readonly Channel<bool>[] _loops;
    private readonly ConcurrentDictionary<Guid, Channel<bool>> _accounts = new();
    private readonly Channel<bool> _accountsChanged = NewSignal();
    private readonly Channel<bool> _scheduler = NewSignal();

    public EngineSignals(Microsoft.Extensions.Options.IOptions<EngineOptions> options)
    {
        _loops = new Channel<bool>[options.Value.LoopCount];
        for (var i = 0; i < _loops.Length; i++) _loops[i] = NewSignal();
    }

    /// <summary>Wakes the processing loop that owns the partition (loop = partition % loops).</summary>
    public void InboxWritten(int partition) => _loops[partition % _loops.Length].Writer.TryWrite(true);
    /// <summary>Wakes the delivery loop of one account, or has the dispatcher start one if there is none yet.</summary>
    public void OutboxWritten(Guid accountId)
    {
        if (_accounts.TryGetValue(accountId, out var signal)) signal.Writer.TryWrite(true);
        else _accountsChanged.Writer.TryWrite(true);
    }

    /// <summary>Wakes every account's delivery loop.</summary>
    public void OutboxWritten()
    {
        foreach (var signal in _accounts.Values) signal.Writer.TryWrite(true);
        _accountsChanged.Writer.TryWrite(true);
    }
    /// <summary>An account was created, enabled or disabled: the dispatcher starts or stops its delivery loop.</summary>
    public void AccountsChanged() => _accountsChanged.Writer.TryWrite(true);

    public void JobScheduled() => _scheduler.Writer.TryWrite(true);

    public Task WaitInboxAsync(int loop, TimeSpan timeout, TimeProvider time, CancellationToken ct) =>
        WaitAsync(_loops[loop], timeout, time, ct);

    public Task WaitOutboxAsync(Guid accountId, TimeSpan timeout, TimeProvider time, CancellationToken ct) =>
        WaitAsync(_accounts.GetOrAdd(accountId, _ => NewSignal()), timeout, time, ct);

    public Task WaitAccountsChangedAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct) => WaitAsync(_accountsChanged, timeout, time, ct);

    public Task WaitSchedulerAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct) => WaitAsync(_scheduler, timeout, time, ct);

    private static async Task WaitAsync(Channel<bool> signal, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        if (signal.Reader.TryRead(out _)) return;
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await signal.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: the caller polls.
        }
    }

    private static Channel<bool> NewSignal() =>
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
}
