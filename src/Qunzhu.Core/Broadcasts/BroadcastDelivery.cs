namespace Qunzhu.Core.Broadcasts;

/// <summary>One target of one run. Its outcome rolls up from the outbox row (delivered / dead-lettered)
/// or the staff task (done) it was handed to, found by <see cref="Key"/>.</summary>
public sealed class BroadcastDelivery
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid BroadcastId { get; set; }
    public Guid RunId { get; set; }
    public Guid CommunityId { get; set; }
    public BroadcastDeliveryState State { get; set; } = BroadcastDeliveryState.Planned;
    /// The idempotency key of the outbox row or staff task: "bc:{run}:{community}".
    public required string Key { get; set; }
    /// Why the target could not be sent to (set when the state is Failed).
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? HandedOverAt { get; set; }

    public static string KeyFor(Guid runId, Guid communityId) => $"bc:{runId:N}:{communityId:N}";
}

public enum BroadcastDeliveryState
{
    /// Waiting to be fed to the outbox.
    Planned,
    /// In the outbox: the outbox row says whether it was delivered.
    Queued,
    /// A staff task: the platform needs a person to confirm each message (WeCom).
    WaitingForStaff,
    /// Could not be sent at all (the platform cannot send this kind of content, the group is gone).
    Failed,
    Cancelled,
}
