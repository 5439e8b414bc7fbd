using System.Threading.Channels;

namespace Qunzhu.Engine.Ingestion;

/// <summary>Collects concurrent writes and commits them as one batch; each caller's task completes
/// once its item is committed. Many writers share one transaction (and one fsync). The batch writer answers each
/// item on its own (<see cref="Outcome"/>): one item that cannot be stored fails its caller, not the batch's others.</summary>
public sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, CancellationToken, Task<GroupCommit<TItem, TResult>.Outcome[]>> writeBatch,
    int maxBatch = 512)
{
    /// <summary>What became of one item: its result, or the error its caller gets.</summary>
    public readonly record struct Outcome(TResult Result, Exception? Error = null);

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public async Task<TResult> WriteAsync(TItem item, CancellationToken ct)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>The writer loop; runs until cancelled, then fails whatever is still queued.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<Pending>(maxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < maxBatch && _queue.Reader.TryRead(out var p)) batch.Add(p);
                try
                {
                    var results = await writeBatch([.. batch.Select(p => p.Item)], ct);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        if (results[i].Error is { } error) batch[i].Done.TrySetException(error);
                        else batch[i].Done.TrySetResult(results[i].Result);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    foreach (var p in batch) p.Done.TrySetException(ex);
                }
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            foreach (var p in batch) p.Done.TrySetCanceled(ct);
            while (_queue.Reader.TryRead(out var p)) p.Done.TrySetCanceled(ct);
        }
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
