using System.Security.Claims;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Server.Auth;

public static class QunzhuClaims
{
    public const string WorkspaceId = "qunzhu:workspace";
    public const string ApiKeyId = "qunzhu:apikey";
    public const string StaffId = "qunzhu:staff";
    public const string Locale = "qunzhu:locale";

    /// The caller's workspace: every query an endpoint makes is scoped to it.
    public static Guid WorkspaceIdOf(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(WorkspaceId) ?? throw new InvalidOperationException("No workspace claim."));

    /// The caller's role; an unknown or missing role reads as Viewer, the least it could be.
    public static StaffRole RoleOf(this ClaimsPrincipal user) =>
        Enum.TryParse<StaffRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : StaffRole.Viewer;

    /// The signed-in staff member, or null for an API key.
    public static Guid? StaffIdOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(StaffId), out var id) ? id : null;

    public static bool IsOperator(this ClaimsPrincipal user) => user.RoleOf() == StaffRole.Operator;

    public static bool CanWrite(this ClaimsPrincipal user) => user.RoleOf() != StaffRole.Viewer;

    /// Owner and Admin change workspace-wide settings; Operators only their communities.
    public static bool IsAdmin(this ClaimsPrincipal user) => user.RoleOf() is StaffRole.Owner or StaffRole.Admin;
}
