using System.Security.Claims;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Workspaces;
using Qunzhu.Storage;

namespace Qunzhu.Server.Auth;

/// <summary>The communities a caller may see: all of the workspace's, or for an Operator only those assigned to them.
/// A query composed from this is one SQL statement; an unassigned community simply does not exist (404).</summary>
public static class CommunityAccess
{
    public static IQueryable<Community> VisibleCommunities(this AppDbContext db, ClaimsPrincipal user)
    {
        var workspaceId = user.WorkspaceIdOf();
        var query = db.Communities.Where(c => c.WorkspaceId == workspaceId);
        if (user.RoleOf() != StaffRole.Operator) return query;
        var staffId = user.StaffIdOf() ?? Guid.Empty;
        return query.Where(c => db.StaffCommunities.Any(a => a.StaffUserId == staffId && a.CommunityId == c.Id));
    }

    public static IQueryable<Guid> VisibleCommunityIds(this AppDbContext db, ClaimsPrincipal user) =>
        db.VisibleCommunities(user).Select(c => c.Id);

    /// Members an Operator may see: those who are or were in one of their communities.
    public static IQueryable<Member> VisibleMembers(this AppDbContext db, ClaimsPrincipal user)
    {
        var workspaceId = user.WorkspaceIdOf();
        var query = db.Members.Where(m => m.WorkspaceId == workspaceId);
        if (user.RoleOf() != StaffRole.Operator) return query;
        var ids = db.VisibleCommunityIds(user);
        return query.Where(m => db.Memberships.Any(s => s.MemberId == m.Id && ids.Contains(s.CommunityId)));
    }
}
