using System.Security.Claims;

namespace Qunzhu.Server.Auth;

public static class QunzhuClaims
{
    public const string WorkspaceId = "qunzhu:workspace";
    public const string ApiKeyId = "qunzhu:apikey";

    /// The caller's workspace: every query an endpoint makes is scoped to it.
    public static Guid WorkspaceIdOf(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(WorkspaceId) ?? throw new InvalidOperationException("No workspace claim."));
}
