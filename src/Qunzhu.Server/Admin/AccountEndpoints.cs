using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Qunzhu.Core.Workspaces;
using Qunzhu.Server.Auth;

namespace Qunzhu.Server.Admin;

/// <summary>Sign-in, sign-out, password change and language: plain form posts (with antiforgery), because the cookie
/// can only be written in an HTTP response, never from inside an interactive circuit.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/login", Login).AllowAnonymous();
        account.MapPost("/logout", Logout);
        account.MapGet("/ended", Ended).AllowAnonymous();
        account.MapPost("/password", ChangePassword).RequireAuthorization();
        account.MapPost("/language", Language).AllowAnonymous();
        return app;
    }

    private static async Task<IResult> Login([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<StaffUser> signIn, UserManager<StaffUser> users, HttpContext http)
    {
        var back = LocalUrl(returnUrl);
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByNameAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(password)) return Results.LocalRedirect($"/login?error=invalid&returnUrl={Uri.EscapeDataString(back)}");
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return Results.LocalRedirect($"/login?error={(user.DisabledAt is null ? "locked" : "disabled")}&returnUrl={Uri.EscapeDataString(back)}");
        if (!result.Succeeded) return Results.LocalRedirect($"/login?error=invalid&returnUrl={Uri.EscapeDataString(back)}");
        SetCultureCookie(http, user.Locale ?? "zh-CN");
        return Results.LocalRedirect(back);
    }

    private static async Task<IResult> Logout(SignInManager<StaffUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    // A GET that signs out: harmless across sites, since the cookie is SameSite=Strict and never rides a cross-site request.
    private static async Task<IResult> Ended([FromQuery] string? returnUrl, HttpContext http, SignInManager<StaffUser> signIn)
    {
        if (http.User.Identity?.IsAuthenticated == true) await signIn.SignOutAsync();
        return Results.LocalRedirect($"/login?error=ended&returnUrl={Uri.EscapeDataString(LocalUrl(returnUrl))}");
    }

    private static async Task<IResult> ChangePassword([FromForm] string? current, [FromForm] string? next, [FromForm] string? confirm,
        HttpContext http, UserManager<StaffUser> users, SignInManager<StaffUser> signIn)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return Results.LocalRedirect("/login");
        if (string.IsNullOrEmpty(next) || next != confirm) return Results.LocalRedirect("/account/password?error=mismatch");
        var result = await users.ChangePasswordAsync(user, current ?? "", next);
        if (!result.Succeeded)
        {
            var code = result.Errors.Any(e => e.Code == "PasswordMismatch") ? "wrong" : "weak";
            return Results.LocalRedirect($"/account/password?error={code}");
        }
        // The stamp changed, which ends other sessions; this one is renewed.
        await signIn.RefreshSignInAsync(user);
        return Results.LocalRedirect("/account/password?done=1");
    }

    private static async Task<IResult> Language([FromForm] string? locale, [FromForm] string? returnUrl, HttpContext http,
        UserManager<StaffUser> users, SignInManager<StaffUser> signIn)
    {
        var chosen = locale == "en-US" ? "en-US" : "zh-CN";
        SetCultureCookie(http, chosen);
        if (http.User.Identity?.IsAuthenticated == true && http.User.StaffIdOf() is not null && await users.GetUserAsync(http.User) is { } user)
        {
            user.Locale = chosen;
            using (AuditScope.Begin(http.User)) await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        return Results.LocalRedirect(LocalUrl(returnUrl));
    }

    private static void SetCultureCookie(HttpContext http, string locale) =>
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(locale)),
            new CookieOptions { Expires = null, IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });

    private static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
