namespace Qunzhu.Core.Platforms;

/// A connection to one platform (a bot, a corp app, a bridge). Every workspace has one sandbox account.
public sealed class PlatformAccount
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public PlatformKind Platform { get; set; }
    public required string Name { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    /// Non-secret settings (API base URL, mode, ids), by field name.
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);
    /// The secret settings as one encrypted blob (a JSON object of name → value, protected with ASP.NET Core
    /// Data Protection); null when the account has no secrets. Never returned by the API nor logged.
    public string? ProtectedSecrets { get; set; }
    /// When a webhook or poll last stored an event for this account.
    public DateTime? LastEventAt { get; set; }
}
