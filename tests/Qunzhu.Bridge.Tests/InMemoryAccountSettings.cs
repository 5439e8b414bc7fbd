using System.Collections.Concurrent;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Bridge.Tests;

/// Until the platform-accounts API is merged: bridge accounts' settings, kept in memory.
public sealed class InMemoryAccountSettings : IAccountSettingsProvider
{
    private readonly ConcurrentDictionary<Guid, AccountSettings> _accounts = new();

    public void Set(AccountSettings settings) => _accounts[settings.AccountId] = settings;

    public Task<AccountSettings> GetAsync(Guid accountId, CancellationToken ct) =>
        Task.FromResult(_accounts.TryGetValue(accountId, out var s) ? s : throw new InvalidOperationException($"No account {accountId}."));

    public Task<AccountSettings?> FindAsync(Guid accountId, CancellationToken ct) => Task.FromResult(_accounts.GetValueOrDefault(accountId));

    public void Invalidate(Guid accountId)
    {
    }
}
