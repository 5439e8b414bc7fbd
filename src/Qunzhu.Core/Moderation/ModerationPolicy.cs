namespace Qunzhu.Core.Moderation;

/// Workspace-wide moderation lists (the per-group switches and ladder live in templates).
public sealed class ModerationPolicy
{
    public Guid WorkspaceId { get; set; }
    /// Links to these domains (and their subdomains) are allowed.
    public List<string> AllowedDomains { get; set; } = [];
    public DateTime UpdatedAt { get; set; }
}
