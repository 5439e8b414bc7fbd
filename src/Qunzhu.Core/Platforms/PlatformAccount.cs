namespace Qunzhu.Core.Platforms;

/// A connection to one platform (a bot, a corp app, a bridge). Every workspace has one sandbox account.
public sealed class PlatformAccount
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public PlatformKind Platform { get; set; }
    public required string Name { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
