namespace Qunzhu.Core.Workspaces;

/// A person who signs in to the console. Identity keeps the password hash, security stamp and lockout here.
public sealed class StaffUser
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
    public StaffRole Role { get; set; } = StaffRole.Owner;
    public DateTime CreatedAt { get; set; }
    /// Changes whenever credentials or rights change, which signs the user out elsewhere.
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public int AccessFailedCount { get; set; }
    public DateTime? LockoutEnd { get; set; }
    /// A disabled user cannot sign in; their rows (audit, assignments) stay.
    public DateTime? DisabledAt { get; set; }
    /// Console language ("zh-CN" or "en-US"); null means zh-CN.
    public string? Locale { get; set; }
}
