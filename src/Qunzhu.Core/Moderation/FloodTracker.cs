using System.Collections.Concurrent;

namespace Qunzhu.Core.Moderation;

/// <summary>Recent messages per member per group, in memory: flooding is about seconds, so a restart
/// forgetting it is harmless. One burst is one violation (counting starts again after a flag). The
/// engine may process a message more than once (a batch is retried), so a message is identified and
/// counted once, and asking again about a flagged message answers the same. Stale members are swept
/// so memory stays bounded.</summary>
public sealed class FloodTracker
{
    private const int SweepEvery = 4096;
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(Guid, Guid), Activity> _members = new();
    private int _calls;

    public int TrackedMembers => _members.Count;

    /// <summary>Records a message; true when it is the (maxMessages + 1)-th inside the window.</summary>
    /// <param name="messageId">Identifies the message, so a retried event is not counted twice.</param>
    public bool Record(Guid communityId, Guid memberId, string messageId, DateTime atUtc, int maxMessages, TimeSpan window)
    {
        if (Interlocked.Increment(ref _calls) % SweepEvery == 0) Sweep(atUtc);
        var activity = _members.GetOrAdd((communityId, memberId), _ => new Activity());
        lock (activity)
        {
            activity.LastAt = atUtc;
            if (activity.Flagged == messageId) return true;
            var recent = activity.Recent;
            while (recent.Count > 0 && recent.Peek().At <= atUtc - window) recent.Dequeue();
            if (recent.Any(m => m.Id == messageId)) return false;
            recent.Enqueue((atUtc, messageId));
            if (recent.Count <= maxMessages) return false;
            recent.Clear();
            activity.Flagged = messageId;
            return true;
        }
    }

    private void Sweep(DateTime now)
    {
        foreach (var (key, activity) in _members)
        {
            lock (activity)
            {
                if (activity.LastAt < now - StaleAfter) _members.TryRemove(key, out _);
            }
        }
    }

    private sealed class Activity
    {
        public Queue<(DateTime At, string Id)> Recent { get; } = new();
        public string? Flagged { get; set; }
        public DateTime LastAt { get; set; }
    }
}
