using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    public const string PolicyScheme = "Qunzhu";
    public const int MaxFailedLogins = 5;

    /// <summary>Identity over StaffUser, the console cookie and the API-key bearer scheme behind one policy scheme:
    /// a request with an Authorization header is an API call, anything else uses the cookie.</summary>
    public static IServiceCollection AddQunzhuAuth(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.TryAddSingleton<AuditInterceptor>();
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddUserStore<StaffUserStore>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddSignInManager();
        services.AddScoped<ISecurityStampValidator, SecurityStampValidator<StaffUser>>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(30));

        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "API key or console cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "qunzhu.auth";
                o.Cookie.HttpOnly = true;
                // Strict: a cross-site form cannot ride the console cookie into /api/v1.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/";
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                    OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized, "Authentication required",
                        "Sign in to the console, or send 'Authorization: Bearer <api key>'."),
                    OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden, "Forbidden", "Your role may not do that."),
                };
            });
        services.AddAuthorization();
        return services;
    }

    // The API answers with problem details; only console pages redirect to the login page.
    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> context, int status, string title, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context.HttpContext);
    }
}
