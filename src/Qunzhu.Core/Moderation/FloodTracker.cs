using System.Collections.Concurrent;

namespace Qunzhu.Core.Moderation;

/// <summary>Recent message times per member per group, in memory: flooding is about seconds, so a
/// restart forgetting it is harmless. Stale members are swept so memory stays bounded. Recording the
/// same message again (the engine retries a batch) counts it once.</summary>
public sealed class FloodTracker
{
    private const int SweepEvery = 4096;
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(Guid, Guid), Queue<(DateTime At, string Message)>> _recent = new();
    private int _calls;

    public int TrackedMembers => _recent.Count;

    /// <summary>Records a message; true when it is more than <paramref name="maxMessages"/> within the window.</summary>
    /// <param name="messageId">Identifies the message, so a retried event is not counted twice.</param>
    public bool Record(Guid communityId, Guid memberId, string messageId, DateTime atUtc, int maxMessages, TimeSpan window)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0) Sweep(atUtc);
        var times = _recent.GetOrAdd((communityId, memberId), _ => new Queue<(DateTime, string)>());
        lock (times)
        {
            while (times.Count > 0 && times.Peek().At <= atUtc - window) times.Dequeue();
            if (!times.Any(t => t.Message == messageId)) times.Enqueue((atUtc, messageId));
            // Only the last maxMessages + 1 matter.
            while (times.Count > maxMessages + 1) times.Dequeue();
            return times.Count > maxMessages;
        }
    }

    private void Sweep(DateTime now)
    {
        foreach (var (key, times) in _recent)
        {
            lock (times)
            {
                if (times.Count == 0 || times.Last().At < now - StaleAfter) _recent.TryRemove(key, out _);
            }
        }
    }
}
