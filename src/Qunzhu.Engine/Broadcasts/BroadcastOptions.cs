using System.ComponentModel.DataAnnotations;

namespace Qunzhu.Engine.Broadcasts;

/// Settings of broadcast planning and feeding, section "Broadcasts".
public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// Targets planned per transaction.
    [Range(10, 10_000)]
    public int PlanBatchSize { get; set; } = 1000;

    /// How often a run hands more targets to the outbox.
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan FeedInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many seconds of the platform's per-account rate a run keeps waiting in the outbox: enough
    /// that delivery never runs dry, few enough that a group's replies are not stuck behind a broadcast and
    /// that pause and cancel take effect quickly.</summary>
    [Range(0.5, 60)]
    public double WindowSeconds { get; set; } = 3;

    [Range(10, 100_000)]
    public int MinWindow { get; set; } = 20;

    [Range(10, 100_000)]
    public int MaxWindow { get; set; } = 5000;
}
