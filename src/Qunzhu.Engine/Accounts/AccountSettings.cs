using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Accounts;

/// <summary>A read-only view of one account's settings, secrets decrypted. Keep it in memory only: never
/// log it, serialize it or put it in an exception message.</summary>
public sealed class AccountSettings
{
    private readonly Dictionary<string, string> _values;

    public AccountSettings(IReadOnlyDictionary<string, string> values)
    {
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
            if (!string.IsNullOrWhiteSpace(value)) _values[key] = value;
    }

    public static AccountSettings Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>The account these settings belong to (empty while an account is being validated before it exists).</summary>
    public Guid AccountId { get; init; }

    public Guid WorkspaceId { get; init; }

    public PlatformKind Platform { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>The value, or null when the setting is absent or blank.</summary>
    public string? Get(string name) => _values.GetValueOrDefault(name);

    /// <summary>The value; throws when it is missing (validation should have caught that before saving).</summary>
    public string Require(string name) =>
        Get(name) ?? throw new InvalidOperationException($"The platform account has no '{name}' setting.");

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Overrides the ToString a debugger or a careless log call would use, so secrets never leak through it.</summary>
    public override string ToString() => $"AccountSettings({_values.Count} values)";
}
