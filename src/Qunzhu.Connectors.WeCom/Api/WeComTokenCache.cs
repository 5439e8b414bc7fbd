using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>access_token per corp id + secret (WeCom issues one per app secret, valid expires_in seconds,
/// and rate-limits gettoken: fetching one per call would soon be refused). One fetch at a time per key.</summary>
public sealed class WeComTokenCache(TimeProvider time)
{
    /// <summary>Renew a little early so a token does not expire between reading it and WeCom checking it.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<string> GetAsync(WeComCredentials credentials, Func<CancellationToken, Task<(string Token, int ExpiresIn)>> fetch, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd(Key(credentials), _ => new Entry());
        await entry.Gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (entry.Token is { } token && entry.ExpiresAt > now) return token;
            var (fresh, expiresIn) = await fetch(ct);
            var lifetime = TimeSpan.FromSeconds(expiresIn);
            entry.Token = fresh;
            entry.ExpiresAt = now + (lifetime > Margin * 2 ? lifetime - Margin : lifetime / 2);
            return fresh;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Forget the token if it is still the one WeCom refused (another caller may have renewed it already).</summary>
    public void Invalidate(WeComCredentials credentials, string refused)
    {
        if (_entries.TryGetValue(Key(credentials), out var entry) && string.Equals(entry.Token, refused, StringComparison.Ordinal))
            entry.Token = null;
    }

    /// <summary>The secret only as a hash: the key may show up in a debugger or a dump.</summary>
    private static string Key(WeComCredentials c) =>
        $"{c.ApiBaseUrl}|{c.CorpId}|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Secret)))}";

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public string? Token { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
    }
}
