namespace Qunzhu.Core.Broadcasts;

/// <summary>One occurrence of a broadcast. Planning writes its per-target rows in batches (each batch takes
/// targets that have no row yet, so a restart resumes where it stopped); feeding hands them to the outbox.</summary>
public sealed class BroadcastRun
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid BroadcastId { get; set; }
    /// The occurrence this run is for (UTC); unique per broadcast.
    public DateTime Occurrence { get; set; }
    public BroadcastRunState State { get; set; } = BroadcastRunState.Planning;
    public int Total { get; set; }
    /// Counts the run's scheduler steps; names the next step's job.
    public int Step { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PlannedAt { get; set; }
    /// When the last target was handed to the outbox or to staff.
    public DateTime? HandedOverAt { get; set; }
}

public enum BroadcastRunState
{
    /// Writing per-target rows (targets are fed to the outbox meanwhile).
    Planning,
    /// Every target is planned; the rest are being fed to the outbox within the rate limit.
    Feeding,
    /// Every target is in the outbox or with staff: the receipts decide the rest.
    HandedOver,
    Cancelled,
    Failed,
}
