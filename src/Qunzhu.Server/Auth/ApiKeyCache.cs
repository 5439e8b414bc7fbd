using System.Collections.Concurrent;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Server.Auth;

/// <summary>Recently checked keys, so authentication is not a query per request. Revocation on this
/// node clears the cache; other nodes see it within the time-to-live.</summary>
public sealed class ApiKeyCache
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity? Key, DateTimeOffset ExpiresAt)> _entries = new(StringComparer.Ordinal);

    public async Task<ApiKeyIdentity?> GetOrLoadAsync(string hash, Func<Task<ApiKeyIdentity?>> load, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(hash, out var e) && e.ExpiresAt > now) return e.Key;
        var key = await load();
        if (_entries.Count > 10_000) _entries.Clear();
        _entries[hash] = (key, now + TimeToLive);
        return key;
    }

    public void Clear() => _entries.Clear();
}

public sealed record ApiKeyIdentity(Guid Id, Guid WorkspaceId, string Name, StaffRole Role);
