namespace Qunzhu.Core.Moderation;

/// A moderation finding and the step taken for it.
public sealed class Violation
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid CommunityId { get; set; }
    public Guid MemberId { get; set; }
    public ViolationKind Kind { get; set; }
    /// What was found (the domain, the word, the pattern), for the operator.
    public string? Detail { get; set; }
    public string? ExternalMessageId { get; set; }
    /// 1-based position on the ladder at the time.
    public int Strike { get; set; }
    public LadderActionTaken Action { get; set; }
    public DateTime At { get; set; }
}

public enum LadderActionTaken
{
    Warned,
    Muted,
    Removed,
}
