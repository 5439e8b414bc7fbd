using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Server.Auth;

/// The console principal carries the same claims an API key does (workspace, role), plus the staff id and language.
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(QunzhuClaims.WorkspaceId, user.WorkspaceId.ToString()));
        identity.AddClaim(new Claim(QunzhuClaims.StaffId, user.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(QunzhuClaims.Locale, user.Locale ?? "zh-CN"));
        return identity;
    }
}
