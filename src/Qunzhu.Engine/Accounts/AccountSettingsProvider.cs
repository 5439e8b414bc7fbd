using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Caching;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Accounts;

/// <summary>Loads an account and decrypts its secrets once, then serves it from memory for a short while:
/// webhooks check the secret on every request, delivery reads the token on every action.</summary>
public sealed class AccountSettingsProvider(IAppDbContextFactory dbs, AccountSecrets secrets, TimeProvider time) : IAccountSettingsProvider
{
    private readonly VersionedCache<Guid, AccountSettings?> _cache = new(time, TimeSpan.FromSeconds(15));

    public async Task<AccountSettings> GetAsync(Guid accountId, CancellationToken ct) =>
        await FindAsync(accountId, ct) ?? throw new InvalidOperationException($"No platform account with id '{accountId}' exists.");

    public async Task<AccountSettings?> FindAsync(Guid accountId, CancellationToken ct) => await _cache.GetAsync(accountId, LoadAsync, ct);

    // An account saved while this loads (a new token) is not hidden behind the old copy for the time-to-live.
    public void Invalidate(Guid accountId) => _cache.Invalidate(accountId);

    private async Task<AccountSettings?> LoadAsync(Guid accountId, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var account = await db.PlatformAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        return account is null ? null : For(account, secrets);
    }

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

}
