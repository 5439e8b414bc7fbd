namespace Qunzhu.Core.Communities;

/// The message log: one row per member message the bot saw.
public sealed class MessageRecord
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid CommunityId { get; set; }
    public Guid MemberId { get; set; }
    public string? ExternalMessageId { get; set; }
    public required string Text { get; set; }
    public DateTime At { get; set; }
    /// Set when moderation judged the message a violation.
    public string? Violation { get; set; }
}
