using System.Threading.Channels;

namespace Qunzhu.Connectors.WeCom.FollowUps;

/// <summary>Wakes the follow-up step when this node stored a callback that needs one (a welcome code has
/// 20 seconds to live); callbacks stored by another node are found by polling.</summary>
public sealed class WeComFollowUpSignal
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Stored() => _signal.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        if (_signal.Reader.TryRead(out _)) return;
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _signal.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Timed out: poll.
        }
    }
}
