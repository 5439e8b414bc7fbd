namespace Qunzhu.Core.Workspaces;

/// An API key is stored as the SHA-256 of the secret; the secret is shown once at creation.
public sealed class ApiKey
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid? CreatedBy { get; set; }
    public required string Name { get; set; }
    /// The first characters of the key, so an operator can tell keys apart without the secret.
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    /// What the key may do; keys made before roles existed are Owner keys.
    public StaffRole Role { get; set; } = StaffRole.Owner;
}
