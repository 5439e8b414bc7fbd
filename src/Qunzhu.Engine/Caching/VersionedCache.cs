using System.Collections.Concurrent;

namespace Qunzhu.Engine.Caching;

/// <summary>Values loaded on first use and kept for a time-to-live; writes on this node invalidate at once,
/// the time-to-live bounds how long another node's change takes to be seen. An invalidation wins over a
/// load that straddles it: the loaded copy is stored under the version seen before loading, so the next
/// read loads again instead of keeping what may predate the change for the whole time-to-live.</summary>
public sealed class VersionedCache<TKey, TValue>(TimeProvider time, TimeSpan timeToLive)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<TKey, long> _versions = new();

    public async ValueTask<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var version = _versions.GetValueOrDefault(key);
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now && entry.Version == version) return entry.Value;
        var value = await load(key, ct);
        _entries[key] = new Entry(value, now + timeToLive, version);
        return value;
    }

    public void Invalidate(TKey key)
    {
        _versions.AddOrUpdate(key, 1, (_, v) => v + 1);
        _entries.TryRemove(key, out _);
    }

    private sealed record Entry(TValue Value, DateTimeOffset ExpiresAt, long Version);
}
