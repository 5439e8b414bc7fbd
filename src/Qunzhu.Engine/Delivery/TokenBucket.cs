namespace Qunzhu.Engine.Delivery;

/// <summary>A classic token bucket: up to <c>burst</c> actions at once, refilled at <c>perSecond</c>.</summary>
public sealed class TokenBucket(double perSecond, int burst, DateTimeOffset now)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private DateTimeOffset _updated = now;

    /// <summary>Takes a token if there is one; otherwise says how long until there will be.</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan wait)
    {
        lock (_lock)
        {
            Refill(now);
            if (_tokens >= 1)
            {
                _tokens -= 1;
                wait = TimeSpan.Zero;
                return true;
            }
            wait = TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            return false;
        }
    }

    /// <summary>Puts back a token taken for an action that was not sent after all.</summary>
    public void Return()
    {
        lock (_lock) _tokens = Math.Min(burst, _tokens + 1);
    }

    /// <summary>The platform said to stop (HTTP 429 retry_after): no tokens until then.</summary>
    public void Drain(DateTimeOffset now, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            Refill(now);
            _tokens = -retryAfter.TotalSeconds * perSecond;
        }
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= _updated) return;
        _tokens = Math.Min(burst, _tokens + (now - _updated).TotalSeconds * perSecond);
        _updated = now;
    }
}
