using Qunzhu.Core.Workspaces;

namespace Qunzhu.Server.Auth;

/// Marks an endpoint whose writes Operators may make (on their own communities; the handler checks which).
public sealed class OperatorsMayWrite;

/// Marks an endpoint only Owners and Admins may call, even to read (staff, API keys, audit log).
public sealed class AdminOnly;

/// Marks a write that is not a staff change (a simulated member's sandbox event): it is recorded in the inbox and
/// transcript already, and a summary audit row per chat message would double the hot path's writes.
public sealed class NotAudited;

/// <summary>The role rules, shared by the API filter and the console so both say the same thing.</summary>
public static class AccessRules
{
    public const string ViewerDenied = "Viewers can read but not change anything. Ask an admin for the Operator or Admin role.";
    public const string OperatorDenied = "Operators can change only their assigned communities. Ask an admin to change workspace settings.";
    public const string AdminDenied = "Only owners and admins can do this.";

    public static string? Denied(StaffRole role, bool write, bool operatorsMayWrite, bool adminOnly) => role switch
    {
        StaffRole.Owner or StaffRole.Admin => null,
        _ when adminOnly => AdminDenied,
        StaffRole.Viewer when write => ViewerDenied,
        StaffRole.Operator when write && !operatorsMayWrite => OperatorDenied,
        _ => null,
    };

    public static TBuilder AllowOperators<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new OperatorsMayWrite());

    public static TBuilder WithoutAudit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NotAudited());

    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AdminOnly());
}
