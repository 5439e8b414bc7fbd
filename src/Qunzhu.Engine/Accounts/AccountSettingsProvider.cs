using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Platforms;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Accounts;

/// <summary>Loads an account and decrypts its secrets once, then serves it from memory for a short while:
/// webhooks check the secret on every request, delivery reads the token on every action.</summary>
public sealed class AccountSettingsProvider(IAppDbContextFactory dbs, AccountSecrets secrets, TimeProvider time) : IAccountSettingsProvider
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public async Task<AccountSettings> GetAsync(Guid accountId, CancellationToken ct) =>
        await FindAsync(accountId, ct) ?? throw new InvalidOperationException($"No platform account with id '{accountId}' exists.");

    public async Task<AccountSettings?> FindAsync(Guid accountId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(accountId, out var entry) && entry.ExpiresAt > now) return entry.Settings;
        await using var db = dbs.Create();
        var account = await db.PlatformAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        var settings = account is null ? null : For(account, secrets);
        _entries[accountId] = new Entry(settings, now + TimeToLive);
        return settings;
    }

    public void Invalidate(Guid accountId) => _entries.TryRemove(accountId, out _);

    /// <summary>All of an account's settings, the non-secret ones and the decrypted secrets.</summary>
    public static AccountSettings For(PlatformAccount account, AccountSecrets secrets)
    {
        var values = new Dictionary<string, string>(account.Settings, StringComparer.Ordinal);
        foreach (var (key, value) in secrets.Unprotect(account.Id, account.ProtectedSecrets)) values[key] = value;
        return new AccountSettings(values)
        {
            AccountId = account.Id,
            WorkspaceId = account.WorkspaceId,
            Platform = account.Platform,
            Enabled = account.Enabled,
        };
    }

    private sealed record Entry(AccountSettings? Settings, DateTimeOffset ExpiresAt);
}
