namespace Qunzhu.Core.AutoReplies;

/// A keyword → reply rule. Scope: the whole workspace, one template's groups, or one group.
public sealed class AutoReplyRule
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid? TemplateId { get; set; }
    public Guid? CommunityId { get; set; }
    public List<string> Keywords { get; set; } = [];
    public MatchMode Match { get; set; } = MatchMode.Contains;
    /// Variables: {member} {group}.
    public required string Reply { get; set; }
    /// Null uses the template's default cooldown.
    public int? CooldownSeconds { get; set; }
    public bool Enabled { get; set; } = true;
    /// Higher first; the first matching rule answers.
    public int Priority { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum MatchMode
{
    Contains,
    Exact,
    Regex,
}
