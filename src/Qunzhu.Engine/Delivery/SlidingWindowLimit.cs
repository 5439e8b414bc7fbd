namespace Qunzhu.Engine.Delivery;

/// <summary>At most <c>limit</c> actions in any window of <c>window</c> length: exact, unlike a token
/// bucket, whose burst plus refill lets up to twice the limit through in the first window. Platforms
/// state such limits ("20 messages per minute in a group") and count them this way.</summary>
public sealed class SlidingWindowLimit(int limit, TimeSpan window)
{
    private readonly Lock _lock = new();
    // Oldest first; a list, because an action not sent after all gives back the newest place.
    private readonly LinkedList<DateTimeOffset> _sent = new();

    /// <summary>Records an action now if the window has room; otherwise says how long until it will.</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan wait)
    {
        lock (_lock)
        {
            while (_sent.First is { } oldest && oldest.Value <= now - window) _sent.RemoveFirst();
            if (_sent.Count < limit)
            {
                _sent.AddLast(now);
                wait = TimeSpan.Zero;
                return true;
            }
            wait = _sent.First!.Value + window - now;
            return false;
        }
    }

    /// <summary>Forgets the most recent action: it was not sent after all.</summary>
    public void Return()
    {
        lock (_lock)
        {
            if (_sent.Count > 0) _sent.RemoveLast();
        }
    }
}
