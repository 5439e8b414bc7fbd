using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Admin;

/// <summary>A circuit lives for hours on the identity it started with. This re-reads the staff row every
/// <see cref="ConsoleOptions.RevalidationInterval"/> (30 s by default): when the person was disabled, or their role or password
/// changed, the circuit becomes anonymous and the page sends them to sign in again.</summary>
public sealed class StaffAuthenticationStateProvider(ILoggerFactory logs, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity,
    IOptions<ConsoleOptions> options) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await StaffSessions.IsCurrentAsync(authenticationState.User, scope.ServiceProvider.GetRequiredService<AppDbContext>(), identity.Value,
                cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The server is stopping under an open circuit: nothing to decide, and signing the person out would be wrong.
            return true;
        }
    }
}
