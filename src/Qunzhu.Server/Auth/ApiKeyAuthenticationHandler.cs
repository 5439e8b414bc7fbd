using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Storage;

namespace Qunzhu.Server.Auth;

/// <summary>"Authorization: Bearer &lt;api key&gt;". The key is looked up by its hash; a revoked key fails.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAppDbContextFactory dbs,
    ApiKeyCache cache,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("Use 'Authorization: Bearer <api key>'.");
        var hash = ApiKeys.Hash(header["Bearer ".Length..].Trim());
        var key = await cache.GetOrLoadAsync(hash, async () =>
        {
            await using var db = dbs.Create();
            var found = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash && k.RevokedAt == null)
                .Select(k => new ApiKeyIdentity(k.Id, k.WorkspaceId, k.Name, k.Role)).FirstOrDefaultAsync(Context.RequestAborted);
            // "Last used" is as fresh as the cache: one write per key per time-to-live, not one per request.
            var now = time.GetUtcNow().UtcDateTime;
            if (found is not null)
                await db.ApiKeys.Where(k => k.Id == found.Id).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
            return found;
        }, time);
        if (key is null) return AuthenticateResult.Fail("The API key is unknown or revoked.");

        var identity = new ClaimsIdentity(
        [
            new Claim(QunzhuClaims.WorkspaceId, key.WorkspaceId.ToString()),
            new Claim(QunzhuClaims.ApiKeyId, key.Id.ToString()),
            new Claim(ClaimTypes.Name, "api-key:" + key.Name),
            new Claim(ClaimTypes.Role, key.Role.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Authentication required",
            detail: failure ?? "Send 'Authorization: Bearer <api key>'. The first key is printed when the server first starts, or set with Bootstrap:ApiKey.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This key's role may not do that.").ExecuteAsync(Context);
}
