namespace Qunzhu.Core.Workspaces;

public sealed class StaffUser
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; set; }
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
    public StaffRole Role { get; set; } = StaffRole.Owner;
    public DateTime CreatedAt { get; set; }
}
