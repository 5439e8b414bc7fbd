namespace Qunzhu.Core.Topics;

/// <summary>A discussion prompt in the topic library (话题库).</summary>
public sealed class Topic
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public TopicKind Kind { get; set; }
    public required string Title { get; set; }
    /// The prompt posted to the group, with variables ({member}, {group}, {date}, the group's own).
    public required string Text { get; set; }
    /// A library item posted with it, optional.
    public Guid? ContentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum TopicKind
{
    /// 专业: the group's subject.
    Professional,
    /// 个人: members' own lives and experiences.
    Personal,
    /// 热点: current events.
    Hot,
    /// 通用: works in any group.
    Universal,
}
