using System.ComponentModel.DataAnnotations;

namespace Qunzhu.Engine;

/// Settings of the event pipeline, section "Engine".
public sealed class EngineOptions
{
    public const string Section = "Engine";

    /// Units of ordering and of work sharing between nodes. All nodes must use the same number.
    [Range(1, 1024)]
    public int Partitions { get; set; } = 8;

    /// Processing loops on this node. Loop i takes the partitions p with p % Loops == i and processes them in one
    /// batch (one transaction) across them; chats keep their order, since a chat lives in one partition. Unset:
    /// one loop per partition, except on SQLite, whose one writer serialises every transaction anyway: there one
    /// loop with large batches does more (measured in benchmarks/README.md).
    [Range(1, 1024)]
    public int? Loops { get; set; }

    /// The loops that actually run: never more than there are partitions.
    public int LoopCount => Math.Clamp(Loops ?? Partitions, 1, Partitions);

    /// Events processed in one transaction (shared equally by the partitions of a loop). Larger batches mean fewer
    /// commits and far fewer index pages written per event: 256 → 1024 took SQLite from about 1,100 to 1,400 events/s.
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 1024;

    /// After a batch of at least this many events (but not a full one), a loop waits <see cref="GatherDelay"/> before the
    /// next, so that the next batch is larger: under load, many small batches cost more CPU an event (their queries and
    /// their write each have a fixed part), and the CPU the engine saves goes to accepting events. A steady 1,000
    /// events/s makes batches of about a dozen, which never wait. 0 turns it off.
    [Range(0, 5000)]
    public int GatherAbove { get; set; } = 128;

    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan GatherDelay { get; set; } = TimeSpan.FromMilliseconds(15);

    /// How often idle workers look for work written by other nodes.
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// A failing event is retried this many times, then marked failed and skipped.
    [Range(1, 100)]
    public int MaxEventAttempts { get; set; } = 3;

    /// False for an ingest-only node: it stores webhooks but processes and delivers nothing.
    public bool ProcessEvents { get; set; } = true;

    /// This node's name in partition leases; defaults to machine name + process id.
    public string? NodeName { get; set; }
}
