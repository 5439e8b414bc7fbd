using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Storage;

namespace Qunzhu.Server.Auth;

/// <summary>Whether a signed-in staff member's session still holds: the row exists, is not disabled, and its security stamp
/// (renewed on every role change, disabling and password change) is the one the session was issued with. The cookie itself
/// is re-checked only every 30 s, so the API filter and the console check the row on each call: a demoted or disabled
/// person loses access at once, not half a minute later. API keys are checked by their own cache.</summary>
public static class StaffSessions
{
    public const string Ended = "Your session has ended: your account was disabled or its role or password changed. Sign in again.";

    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal user, AppDbContext db, IdentityOptions options, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.StaffIdOf() is not { } staffId) return true;
        var row = await db.StaffUsers.AsNoTracking().Where(s => s.Id == staffId)
            .Select(s => new { s.SecurityStamp, s.DisabledAt, s.Role }).FirstOrDefaultAsync(ct);
        return row is not null && row.DisabledAt is null && row.Role == user.RoleOf()
            && string.Equals(row.SecurityStamp, user.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType), StringComparison.Ordinal);
    }
}
