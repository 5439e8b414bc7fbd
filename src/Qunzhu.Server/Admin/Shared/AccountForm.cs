using System.Globalization;
using System.Text.Json;
using Qunzhu.Server.Apis;

namespace Qunzhu.Server.Admin.Shared;

/// <summary>The values of a platform account's settings form, and the settings object the API takes from them.
/// Secrets are never shown: their box starts empty, and an empty secret box means "keep the saved value".</summary>
public sealed class AccountForm
{
    public AccountForm(IReadOnlyList<AccountFieldResponse> fields, IReadOnlyDictionary<string, object>? current = null)
    {
        Fields = fields;
        foreach (var field in fields)
        {
            var value = current?.GetValueOrDefault(field.Name);
            if (field.Secret) SecretSet[field.Name] = value is SecretState { Set: true };
            Values[field.Name] = field.Secret ? null : value as string;
        }
        _initial = new Dictionary<string, string?>(Values, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, string?> _initial;

    public IReadOnlyList<AccountFieldResponse> Fields { get; }

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    /// Whether each secret has a saved value (shown as "set", never the value).
    public Dictionary<string, bool> SecretSet { get; } = new(StringComparer.Ordinal);

    /// The help text in the console's language (zh-CN unless the staff member chose English).
    public static string Help(AccountFieldResponse field) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? field.HelpEn : field.HelpZh;

    /// <summary>The settings to send: for a new account every filled box; for an update the plain fields that
    /// changed (an emptied one is sent as "" and cleared) and only the secrets that were typed.</summary>
    public Dictionary<string, JsonElement> Settings(bool update)
    {
        var settings = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            var value = Values.GetValueOrDefault(field.Name)?.Trim();
            if (field.Secret || !update)
            {
                if (!string.IsNullOrEmpty(value)) settings[field.Name] = JsonSerializer.SerializeToElement(value);
            }
            else if (!string.Equals(value ?? "", _initial.GetValueOrDefault(field.Name) ?? "", StringComparison.Ordinal))
            {
                settings[field.Name] = JsonSerializer.SerializeToElement(value ?? "");
            }
        }
        return settings;
    }
}
