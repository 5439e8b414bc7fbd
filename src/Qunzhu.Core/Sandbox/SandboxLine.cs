namespace Qunzhu.Core.Sandbox;

/// <summary>What the built-in sandbox platform shows after the bot acted: a bot message, a removal,
/// a mute or a deleted message. Members' own lines come from the inbox, which is their record.</summary>
public sealed class SandboxLine
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid CommunityId { get; set; }
    public DateTime At { get; set; }
    /// <summary>"message", "removed", "muted" or "deleted".</summary>
    public required string Kind { get; set; }
    public string? Text { get; set; }
    public string? TargetUserId { get; set; }
    public string? TargetMessageId { get; set; }
    /// <summary>The outbox key: delivering the same action twice writes one line.</summary>
    public required string IdempotencyKey { get; set; }
}
