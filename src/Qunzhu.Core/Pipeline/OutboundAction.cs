using Qunzhu.Core.Platforms;

namespace Qunzhu.Core.Pipeline;

/// <summary>One action for a platform, stored in the outbox before it is performed.</summary>
/// <remarks>The id is a database identity: delivery order within a chat follows it (rows of one batch share
/// a creation time, and Guid v7 is not monotonic within a millisecond).</remarks>
public sealed class OutboundAction
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    public PlatformKind Platform { get; set; }
    public Guid? CommunityId { get; set; }
    /// <summary>The platform's chat id.</summary>
    public required string ChatId { get; set; }
    /// <summary>Same partition as the chat's inbox events: the node that owns it delivers, in order.</summary>
    public int Partition { get; set; }
    /// <summary>Unique: a replayed event or a re-run job produces the same key and so no second action.</summary>
    public required string IdempotencyKey { get; set; }
    public BotActionKind Kind { get; set; }
    /// <summary>Message text for <see cref="BotActionKind.SendMessage"/>.</summary>
    public string? Text { get; set; }
    /// <summary>Media, link or card sent with the text (broadcasts of library content).</summary>
    public OutboundAttachment? Attachment { get; set; }
    /// <summary>The platform user the action is about (mute, remove).</summary>
    public string? TargetUserId { get; set; }
    /// <summary>The platform message the action is about (delete).</summary>
    public string? TargetMessageId { get; set; }
    /// <summary>How long a mute lasts.</summary>
    public int? DurationSeconds { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}
