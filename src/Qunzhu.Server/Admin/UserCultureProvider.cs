using Microsoft.AspNetCore.Localization;
using Qunzhu.Server.Auth;

namespace Qunzhu.Server.Admin;

/// The console language stored on the signed-in staff member (carried in their cookie as a claim).
public sealed class UserCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var locale = httpContext.User.FindFirst(QunzhuClaims.Locale)?.Value;
        return Task.FromResult(locale is null ? null : new ProviderCultureResult(locale));
    }
}
