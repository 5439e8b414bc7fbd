namespace Qunzhu.Core.Polls;

/// <summary>A person's current answer to a poll the bot sent (Telegram poll_answer). One row per poll and
/// person: a changed vote replaces the options, a retracted one leaves them empty. A quiz reads these.</summary>
public sealed class PollAnswer
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>The platform's poll id.</summary>
    public required string PollId { get; set; }
    /// <summary>The platform user who answered.</summary>
    public required string UserId { get; set; }
    public string? UserName { get; set; }
    /// <summary>The chosen options, 0-based; empty when the vote was retracted.</summary>
    public List<int> OptionIds { get; set; } = [];
    public DateTime AnsweredAt { get; set; }
    /// <summary>The inbox event that set the current answer.</summary>
    public required string EventId { get; set; }
}
