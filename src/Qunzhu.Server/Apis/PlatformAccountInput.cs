using System.Text.Json;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Server.Apis;

/// <summary>Reads a request's settings object against an account type's fields, merges it into the current
/// values and validates the result. Errors are keyed "settings.&lt;field&gt;" so the caller knows which to fix.</summary>
internal static class PlatformAccountInput
{
    private const int MaxValueLength = 4000;

    /// <summary>The current values with the request's changes applied: null or "" clears a field, an omitted one keeps its value.</summary>
    public static Dictionary<string, string> Merge(IPlatformAccountType type, IReadOnlyDictionary<string, string> current,
        Dictionary<string, JsonElement>? changes, Dictionary<string, string[]> errors)
    {
        var values = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var (key, element) in changes ?? [])
        {
            var field = type.Fields.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.Ordinal));
            if (field is null)
            {
                errors[$"settings.{key}"] = [$"Unknown setting '{key}'. {Label(type)} accounts take: {string.Join(", ", type.Fields.Select(f => f.Name))}."];
                continue;
            }
            var value = element.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => element.GetString()!.Trim(),
                _ => element.GetRawText(),
            };
            if (value is { Length: > MaxValueLength })
                errors[$"settings.{key}"] = [$"'{key}' has at most {MaxValueLength} characters."];
            else if (string.IsNullOrEmpty(value)) values.Remove(key);
            else values[key] = value;
        }
        foreach (var field in type.Fields.Where(f => f.Required && !values.ContainsKey(f.Name) && !errors.ContainsKey($"settings.{f.Name}")))
            errors[$"settings.{field.Name}"] = [$"'{field.Name}' is required. {field.HelpEn}"];
        if (errors.Count == 0 && type.Validate(new AccountSettings(values)) is { } problem) errors["settings"] = [problem];
        return values;
    }

    public static (Dictionary<string, string> Plain, Dictionary<string, string> Secret) Split(IPlatformAccountType type, Dictionary<string, string> values)
    {
        var secret = type.Fields.Where(f => f.Secret).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return (values.Where(v => !secret.Contains(v.Key)).ToDictionary(StringComparer.Ordinal),
            values.Where(v => secret.Contains(v.Key)).ToDictionary(StringComparer.Ordinal));
    }

    public static string? ValidateName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100 ? "Give the account a name of 1–100 characters." : null;

    private static string Label(IPlatformAccountType type) => type.Platform.ToString();
}
