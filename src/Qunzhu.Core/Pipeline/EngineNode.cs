namespace Qunzhu.Core.Pipeline;

/// <summary>A server node that processes events, alive while it keeps renewing <see cref="ExpiresAt"/>.
/// Nodes count the live ones to know their fair share of the partitions: a node that owns no lease
/// yet must still be counted, or the first node would keep every partition for ever.</summary>
public sealed class EngineNode
{
    public required string Name { get; set; }
    public DateTime ExpiresAt { get; set; }
}
