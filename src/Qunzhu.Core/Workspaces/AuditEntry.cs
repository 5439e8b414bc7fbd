namespace Qunzhu.Core.Workspaces;

/// Who changed what: one row per changed entity, written in the same transaction as the change.
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public DateTime At { get; set; }
    /// "staff" or "api-key".
    public required string ActorKind { get; set; }
    public Guid ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    /// "created", "updated" or "deleted".
    public required string Action { get; set; }
    /// JSON object of changed properties (new values); secrets are never written.
    public string? Changes { get; set; }
}
