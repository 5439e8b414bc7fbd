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

    /// Platform accounts an Operator may see: those hosting one of their communities.
    public static IQueryable<Guid> VisibleAccountIds(this AppDbContext db, ClaimsPrincipal user)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (user.RoleOf() != StaffRole.Operator) return db.PlatformAccounts.Where(a => a.WorkspaceId == workspaceId).Select(a => a.Id);
        return db.VisibleCommunities(user).Select(c => c.AccountId).Distinct();
    }

    /// <summary>Narrows rows that belong to a community to the caller's communities (a no-op for everyone but Operators).</summary>
    public static IQueryable<T> InVisibleCommunities<T>(this IQueryable<T> rows, AppDbContext db, ClaimsPrincipal user,
        System.Linq.Expressions.Expression<Func<T, Guid>> communityOf)
    {
        if (user.RoleOf() != StaffRole.Operator) return rows;
        var ids = db.VisibleCommunityIds(user);
        // ids.Contains(communityOf(row)), composed so EF translates it to one IN (subquery).
        var row = communityOf.Parameters[0];
        var contains = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], ids.Expression, communityOf.Body);
        return rows.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, row));
    }
}
