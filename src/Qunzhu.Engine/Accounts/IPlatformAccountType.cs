using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Accounts;

/// <summary>What a connector tells the platform-accounts API about its accounts: the settings they take,
/// how to check them, and how to test the connection. Each connector registers one.</summary>
public interface IPlatformAccountType
{
    PlatformKind Platform { get; }

    /// <summary>The settings, in the order the console shows them. Keys not listed here are rejected.</summary>
    IReadOnlyList<AccountSettingField> Fields { get; }

    /// <summary>Checks beyond "required fields are present" (formats, allowed values). Returns a message a
    /// user can act on, naming the field, or null when the settings are fine. Pure: no network.</summary>
    string? Validate(AccountSettings settings);

    /// <summary>Calls the platform with these settings (e.g. Telegram getMe) and says what it answered.</summary>
    Task<ConnectionTestResult> TestConnectionAsync(PlatformAccount account, AccountSettings settings, CancellationToken ct);
}
