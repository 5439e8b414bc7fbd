using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Qunzhu.Engine.Accounts;

/// <summary>Encrypts an account's secret settings into one blob with ASP.NET Core Data Protection. The
/// purpose includes the account id, so a blob copied onto another account's row does not decrypt there.</summary>
public sealed class AccountSecrets(IDataProtectionProvider protection)
{
    private const string Purpose = "Qunzhu.PlatformAccounts.Secrets.v1";

    public string? Protect(Guid accountId, IReadOnlyDictionary<string, string> secrets)
    {
        var present = secrets.Where(s => !string.IsNullOrEmpty(s.Value)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        if (present.Count == 0) return null;
        return Protector(accountId).Protect(JsonSerializer.Serialize(present));
    }

    public Dictionary<string, string> Unprotect(Guid accountId, string? blob)
    {
        if (string.IsNullOrEmpty(blob)) return new Dictionary<string, string>(StringComparer.Ordinal);
        var json = Protector(accountId).Unprotect(blob);
        return new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json)!, StringComparer.Ordinal);
    }

    private IDataProtector Protector(Guid accountId) => protection.CreateProtector(Purpose, accountId.ToString("N"));
}
