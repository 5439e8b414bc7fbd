namespace Qunzhu.Core.Moderation;

public sealed class SensitiveWord
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public required string Word { get; set; }
    public DateTime CreatedAt { get; set; }
}
