namespace Qunzhu.Core.AutoReplies;

/// When a rule last answered in a group (unique on rule + group).
public sealed class AutoReplyCooldown
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid RuleId { get; set; }
    public Guid CommunityId { get; set; }
    public DateTime LastFiredAt { get; set; }
}
