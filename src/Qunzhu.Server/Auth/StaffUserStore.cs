using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Workspaces;
using Qunzhu.Storage;

namespace Qunzhu.Server.Auth;

/// <summary>Identity's user store over the one model's StaffUser table (no second Identity schema): the e-mail
/// is the user name; password hash, security stamp and lockout live on the row. A disabled user reads as locked out.</summary>
public sealed class StaffUserStore(AppDbContext db, TimeProvider time) :
    IUserPasswordStore<StaffUser>, IUserSecurityStampStore<StaffUser>, IUserLockoutStore<StaffUser>, IUserEmailStore<StaffUser>
{
    public Task<string> GetUserIdAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());
    public Task<string?> GetUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);
    public Task SetUserNameAsync(StaffUser user, string? userName, CancellationToken cancellationToken) { user.Email = userName ?? user.Email; return Task.CompletedTask; }
    public Task<string?> GetNormalizedUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email.ToUpperInvariant());
    public Task SetNormalizedUserNameAsync(StaffUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IdentityResult> CreateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (user.CreatedAt == default) user.CreatedAt = time.GetUtcNow().UtcDateTime;
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        if (db.Entry(user).State == EntityState.Detached) db.StaffUsers.Update(user);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(StaffUser user, CancellationToken cancellationToken)
    {
        db.StaffUsers.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<StaffUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) ? await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) : null;

    // E-mails are stored in lower case (the bootstrapper and the staff API lower them), so this is an index seek.
    public Task<StaffUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken)
    {
        var email = normalizedUserName.ToLowerInvariant();
        return db.StaffUsers.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
    }

    public Task SetPasswordHashAsync(StaffUser user, string? passwordHash, CancellationToken cancellationToken) { user.PasswordHash = passwordHash ?? ""; return Task.CompletedTask; }
    public Task<string?> GetPasswordHashAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.PasswordHash);
    public Task<bool> HasPasswordAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash.Length > 0);

    public Task SetSecurityStampAsync(StaffUser user, string stamp, CancellationToken cancellationToken) { user.SecurityStamp = stamp; return Task.CompletedTask; }
    public Task<string?> GetSecurityStampAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(
        user.DisabledAt is not null ? DateTimeOffset.MaxValue : user.LockoutEnd is { } end ? new DateTimeOffset(end, TimeSpan.Zero) : null);
    public Task SetLockoutEndDateAsync(StaffUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) { user.LockoutEnd = lockoutEnd?.UtcDateTime; return Task.CompletedTask; }
    public Task<int> IncrementAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) { user.AccessFailedCount = 0; return Task.CompletedTask; }
    public Task<int> GetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(true);
    public Task SetLockoutEnabledAsync(StaffUser user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetEmailAsync(StaffUser user, string? email, CancellationToken cancellationToken) { user.Email = email ?? user.Email; return Task.CompletedTask; }
    public Task<string?> GetEmailAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);
    public Task<bool> GetEmailConfirmedAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(true);
    public Task SetEmailConfirmedAsync(StaffUser user, bool confirmed, CancellationToken cancellationToken) => Task.CompletedTask;
    public Task<StaffUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) => FindByNameAsync(normalizedEmail, cancellationToken);
    public Task<string?> GetNormalizedEmailAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email.ToUpperInvariant());
    public Task SetNormalizedEmailAsync(StaffUser user, string? normalizedEmail, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() { }
}
