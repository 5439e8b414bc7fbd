using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Workspaces;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Auth;

/// Console users: create with a role and first password, change role, assign communities, disable. Owners and Admins only;
/// only an Owner makes or changes Owners, and the last active Owner cannot be demoted or disabled.
public static class StaffApi
{
    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/staff").WithTags("Staff").RequireAdmin();
        group.MapGet("/", List).WithName("ListStaff").WithSummary("Staff members with role and assigned communities");
        group.MapPost("/", Create).WithName("CreateStaff").WithSummary("Create a staff member with a role and a first password");
        group.MapPatch("/{id:guid}", Update).WithName("UpdateStaff").WithSummary("Change role, disable or enable");
        group.MapPut("/{id:guid}/communities", Assign).WithName("AssignStaffCommunities")
            .WithSummary("The communities an Operator sees and edits (replaces the list)");
        return api;
    }

    public static async Task<Ok<List<StaffResponse>>> List(ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var now = time.GetUtcNow().UtcDateTime;
        var staff = await db.StaffUsers.AsNoTracking().Where(s => s.WorkspaceId == workspaceId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var assigned = (await db.StaffCommunities.AsNoTracking().Where(a => a.WorkspaceId == workspaceId).ToListAsync(ct))
            .ToLookup(a => a.StaffUserId, a => a.CommunityId);
        return TypedResults.Ok(staff.Select(s => new StaffResponse(s.Id, s.Email, s.Role, s.CreatedAt, s.DisabledAt is not null,
            s.LockoutEnd > now, [.. assigned[s.Id]])).ToList());
    }

    public static async Task<Results<Created<StaffResponse>, ValidationProblem, ProblemHttpResult>> Create(CreateStaffRequest request,
        ClaimsPrincipal user, AppDbContext db, UserManager<StaffUser> users, TimeProvider time, CancellationToken ct)
    {
        var email = request.Email?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !MailAddress.TryCreate(email, out _))
            return Problems.Invalid("email", "Give a valid e-mail address; it is the sign-in name.");
        if (request.Role is not { } role) return Problems.Invalid("role", "Give a role: owner, admin, operator or viewer.");
        if (role == StaffRole.Owner && user.RoleOf() != StaffRole.Owner) return Forbidden("Only an owner can create owners.");
        if (await db.StaffUsers.AnyAsync(s => s.Email == email, ct))
            return Problems.Invalid("email", $"'{email}' already has an account.");
        var staff = new StaffUser { WorkspaceId = user.WorkspaceIdOf(), Email = email, PasswordHash = "", Role = role, CreatedAt = time.GetUtcNow().UtcDateTime };
        var result = await users.CreateAsync(staff, request.Password ?? "");
        if (!result.Succeeded) return Problems.Invalid("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        return TypedResults.Created($"/api/v1/staff/{staff.Id}", new StaffResponse(staff.Id, staff.Email, staff.Role, staff.CreatedAt, false, false, []));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdateStaffRequest request,
        ClaimsPrincipal user, AppDbContext db, UserManager<StaffUser> users, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var staff = await db.StaffUsers.FirstOrDefaultAsync(s => s.Id == id && s.WorkspaceId == workspaceId, ct);
        if (staff is null) return Problems.NotFound("Staff member", id);
        var callerIsOwner = user.RoleOf() == StaffRole.Owner;
        if ((staff.Role == StaffRole.Owner || request.Role == StaffRole.Owner) && !callerIsOwner)
            return Forbidden("Only an owner can change owners or make someone an owner.");
        var losesOwner = staff.Role == StaffRole.Owner && staff.DisabledAt is null
            && ((request.Role is { } r && r != StaffRole.Owner) || request.Disabled == true);
        if (losesOwner && !await db.StaffUsers.AnyAsync(s => s.WorkspaceId == workspaceId && s.Id != id && s.Role == StaffRole.Owner && s.DisabledAt == null, ct))
            return Problems.Conflict("Last owner", "A workspace keeps at least one active owner: make someone else an owner first.");
        if (request.Role is { } role) staff.Role = role;
        if (request.Disabled is { } disabled) staff.DisabledAt = disabled ? staff.DisabledAt ?? time.GetUtcNow().UtcDateTime : null;
        // A new stamp signs the person out of open sessions, so the new role or the ban applies at once.
        await users.UpdateSecurityStampAsync(staff);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Assign(Guid id, AssignCommunitiesRequest request,
        ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await db.StaffUsers.AnyAsync(s => s.Id == id && s.WorkspaceId == workspaceId, ct)) return Problems.NotFound("Staff member", id);
        var wanted = (request.CommunityIds ?? []).Distinct().ToList();
        var found = await db.Communities.Where(c => c.WorkspaceId == workspaceId && wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var missing = wanted.Except(found).ToList();
        if (missing.Count > 0) return Problems.Invalid("communityIds", $"No community with id '{missing[0]}' exists in your workspace.");
        var current = await db.StaffCommunities.Where(a => a.StaffUserId == id).ToListAsync(ct);
        db.StaffCommunities.RemoveRange(current.Where(a => !wanted.Contains(a.CommunityId)));
        db.StaffCommunities.AddRange(wanted.Where(c => current.All(a => a.CommunityId != c))
            .Select(c => new StaffCommunity { WorkspaceId = workspaceId, StaffUserId = id, CommunityId = c }));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
