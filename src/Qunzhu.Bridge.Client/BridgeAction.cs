namespace Qunzhu.Bridge.Client;

/// <summary>One thing Qunzhu wants the bridge to do in a chat.</summary>
/// <param name="Id">Qunzhu's id of the action; a pulling bridge reports the result under it.</param>
/// <param name="IdempotencyKey">The same for every delivery of this action: perform an action once per key.</param>
/// <param name="Type">One of <see cref="BridgeActionTypes"/>.</param>
/// <param name="Text">For message.send.</param>
/// <param name="UserId">For member.mute, member.remove, join.approve, join.decline.</param>
/// <param name="MessageId">For message.delete: the messageId of the message.posted event.</param>
/// <param name="DurationSeconds">For member.mute.</param>
/// <param name="LeaseExpiresAt">Pull only: report a result before this, or the action is offered again.</param>
public sealed record BridgeAction(
    string Id,
    string IdempotencyKey,
    string Type,
    string ChatId,
    DateTimeOffset CreatedAt,
    string? Text = null,
    string? UserId = null,
    string? MessageId = null,
    int? DurationSeconds = null,
    DateTimeOffset? LeaseExpiresAt = null);

/// <summary>The body Qunzhu POSTs to a pushing bridge's callbackUrl: an action, or a ping (test connection).</summary>
/// <param name="Kind">"action" or "ping".</param>
public sealed record BridgeEnvelope(string Kind, BridgeAction? Action = null, int Version = BridgeProtocol.Version)
{
    public const string ActionKind = "action";
    public const string PingKind = "ping";
}

/// <summary>The answer to a pull: the actions now leased to the caller, oldest first.</summary>
public sealed record BridgeActionBatch(IReadOnlyList<BridgeAction> Actions);
