// Stand-ins for the platform-accounts contracts (branch "accounts"), named as the brief names them.
// Deleted when that branch is merged.
using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Accounts;

public sealed record AccountSettingField(string Name, bool Secret, bool Required, string HelpZh, string HelpEn);

public sealed class AccountSettings(IReadOnlyDictionary<string, string> values)
{
    public Guid AccountId { get; init; }

    public Guid WorkspaceId { get; init; }

    public PlatformKind Platform { get; init; }

    public bool Enabled { get; init; } = true;

    public string? Get(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    public string Require(string name) => Get(name) ?? throw new InvalidOperationException($"The setting '{name}' is missing.");
}

public interface IAccountSettingsProvider
{
    Task<AccountSettings> GetAsync(Guid accountId, CancellationToken ct);

    Task<AccountSettings?> FindAsync(Guid accountId, CancellationToken ct);

    void Invalidate(Guid accountId);
}

public sealed record ConnectionTestResult(bool Ok, string Message);

public interface IPlatformAccountType
{
    PlatformKind Platform { get; }

    IReadOnlyList<AccountSettingField> Fields { get; }

    string? Validate(AccountSettings settings);

    Task<ConnectionTestResult> TestConnectionAsync(PlatformAccount account, AccountSettings settings, CancellationToken ct);
}

/// <summary>Until platform accounts land: no account has settings.</summary>
public sealed class NoAccountSettingsProvider : IAccountSettingsProvider
{
    public Task<AccountSettings> GetAsync(Guid accountId, CancellationToken ct) =>
        Task.FromResult(new AccountSettings(new Dictionary<string, string>()));

    public Task<AccountSettings?> FindAsync(Guid accountId, CancellationToken ct) => Task.FromResult<AccountSettings?>(null);

    public void Invalidate(Guid accountId)
    {
    }
}
