namespace Qunzhu.Engine.Accounts;

/// <summary>Accounts' settings with secrets decrypted, cached per node. Writes on this node invalidate at
/// once; another node's change is seen within the cache's time-to-live.</summary>
public interface IAccountSettingsProvider
{
    /// <summary>The account's settings; throws when the account does not exist.</summary>
    Task<AccountSettings> GetAsync(Guid accountId, CancellationToken ct);

    /// <summary>The account's settings, or null when there is no such account (a webhook for an unknown id).</summary>
    Task<AccountSettings?> FindAsync(Guid accountId, CancellationToken ct);

    /// <summary>Forget the cached copy: call after changing the account.</summary>
    void Invalidate(Guid accountId);
}
