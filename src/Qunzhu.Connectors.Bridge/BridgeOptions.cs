using System.ComponentModel.DataAnnotations;

namespace Qunzhu.Connectors.Bridge;

/// Settings of the Bridge connector, section "Bridge".
public sealed class BridgeOptions
{
    public const string Section = "Bridge";

    /// How long Qunzhu waits for a bridge's answer to a pushed action.
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// How long a pulled action stays leased to the bridge that pulled it before it is offered again.
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// The longest a pull may wait for an action (the bridge's ?wait= is capped at this).
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

    /// How often a waiting pull looks for actions queued by other nodes.
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan PullPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// A pulled action answered "retry" this many times fails for good.
    [Range(1, 100)]
    public int MaxRetries { get; set; } = 6;
}
