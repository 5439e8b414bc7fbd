namespace Qunzhu.Core.Bridge;

/// <summary>An action waiting for a pulling bridge (one without a callback URL). The outbox hands it over
/// here; the bridge leases it with a GET and settles it with a result. A lease that runs out offers the
/// action again, with the same idempotency key.</summary>
/// <remarks>The id is a database identity: a chat's actions are offered in the order the outbox handed them over.</remarks>
public sealed class BridgeQueuedAction
{
    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>The outbox row: its id is the action id the bridge sees, and it records a permanent failure.</summary>
    public long OutboxId { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string ChatId { get; set; }
    /// <summary>The action as the bridge receives it (JSON, without the lease).</summary>
    public required string Payload { get; set; }
    public BridgeQueueStatus Status { get; set; } = BridgeQueueStatus.Queued;
    /// <summary>Not offered before this (a bridge asked to retry later).</summary>
    public DateTime AvailableAt { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    /// <summary>How many times a bridge leased it.</summary>
    public int Pulls { get; set; }
    /// <summary>How many "retry" results it got.</summary>
    public int Retries { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum BridgeQueueStatus
{
    Queued,
    Leased,
    Done,
    Failed,
}
