namespace Qunzhu.Engine.Delivery;

/// <summary>At most <c>limit</c> actions in any window of <c>window</c> length: exact, unlike a token
/// bucket, whose burst plus refill lets up to twice the limit through in the first window. Platforms
/// state such limits ("20 messages per minute in a group") and count them this way.</summary>
public sealed class SlidingWindowLimit(int limit, TimeSpan window)
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>Records an action now if the window has room; otherwise says how long until it will.</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan wait)
    {
        lock (_lock)
        {
            while (_sent.Count > 0 && _sent.Peek() <= now - window) _sent.Dequeue();
            if (_sent.Count < limit)
            {
                _sent.Enqueue(now);
                wait = TimeSpan.Zero;
                return true;
            }
            wait = _sent.Peek() + window - now;
            return false;
        }
    }

    /// <summary>Forgets the most recent action: it was not sent after all.</summary>
    public void Return()
    {
        lock (_lock)
        {
            if (_sent.Count == 0) return;
            // A queue cannot drop its newest entry; rebuild without it (the window holds at most `limit`).
            var kept = _sent.ToArray()[..^1];
            _sent.Clear();
            foreach (var at in kept) _sent.Enqueue(at);
        }
    }
}
