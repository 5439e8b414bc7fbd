using Qunzhu.Core.Platforms;

namespace Qunzhu.Core.Pipeline;

/// <summary>A raw platform event, stored before the webhook is answered.</summary>
/// <remarks>Sequence is a database identity, not a Guid: processing order inside a group follows it,
/// and Guid v7 is not monotonic within one millisecond.</remarks>
public sealed class InboxEvent
{
    /// <summary>The longest <see cref="PlatformEventId"/> (and <see cref="ChatId"/>) the inbox's columns hold.</summary>
    public const int MaxIdLength = 128;

    public long Sequence { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    public PlatformKind Platform { get; set; }
    public required string PlatformEventId { get; set; }
    /// The platform chat id: events of one chat are processed in order.
    public required string ChatId { get; set; }
    /// Hash of the chat id: the unit of ordering and of work distribution between nodes.
    public int Partition { get; set; }
    public required string Payload { get; set; }
    public DateTime ReceivedAt { get; set; }
    public InboxStatus Status { get; set; } = InboxStatus.Pending;
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTime? ProcessedAt { get; set; }
}
