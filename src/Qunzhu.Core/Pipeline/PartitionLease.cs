namespace Qunzhu.Core.Pipeline;

/// <summary>Which server node processes one inbox partition. A node holds a lease until it expires;
/// one owner per partition keeps the order of events within a chat across several nodes.</summary>
public sealed class PartitionLease
{
    public int Partition { get; set; }
    public string? Owner { get; set; }
    public DateTime ExpiresAt { get; set; }
}
