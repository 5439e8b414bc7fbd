namespace Qunzhu.Core.Broadcasts;

/// <summary>A message to many groups, once (<see cref="At"/>) or recurring (<see cref="Cron"/> in the
/// workspace's time zone). Each occurrence is a <see cref="BroadcastRun"/> with its own per-target rows.</summary>
public sealed class Broadcast
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    /// A library item, or null when the broadcast carries its own <see cref="Text"/>.
    public Guid? ContentId { get; set; }
    public string? Text { get; set; }
    public required BroadcastTargets Targets { get; set; }
    /// One-off: when to send (UTC).
    public DateTime? At { get; set; }
    /// Recurring: a cron expression evaluated in the workspace's time zone.
    public string? Cron { get; set; }
    public QuietHours? QuietHours { get; set; }
    public BroadcastState State { get; set; } = BroadcastState.Active;
    /// When the next occurrence is due (after quiet hours), or null when none is left.
    public DateTime? NextRunAt { get; set; }
    /// Where the broadcast came from when not made by hand, e.g. "calendar:{id}".
    public string? Origin { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// What an operator set; the status shown (scheduled, sending, completed …) is derived from this and the runs.
public enum BroadcastState
{
    Active,
    Paused,
    Cancelled,
    /// Stored, not scheduled: no occurrence runs until it is started (resumed).
    Draft,
}
