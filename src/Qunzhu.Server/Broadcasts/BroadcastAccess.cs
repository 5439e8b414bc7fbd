using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Broadcasts;

/// <summary>Which broadcasts an Operator may read: those that reach, or will reach, one of their groups (named, by type or
/// by tag, or already delivered there). Broadcasts are workspace campaigns run by admins, so this is read access only.</summary>
public static class BroadcastAccess
{
    public static async Task<List<Broadcast>> VisibleAsync(AppDbContext db, ClaimsPrincipal user, IQueryable<Broadcast> broadcasts, CancellationToken ct)
    {
        var all = await broadcasts.ToListAsync(ct);
        if (!user.IsOperator() || all.Count == 0) return all;
        var mine = await db.VisibleCommunities(user).AsNoTracking().Select(c => new { c.Id, c.Type }).ToListAsync(ct);
        var ids = mine.Select(c => c.Id).ToHashSet();
        var types = mine.Select(c => c.Type).ToHashSet();
        var visible = db.VisibleCommunityIds(user);
        var tags = (await db.CommunityTags.AsNoTracking().Where(t => visible.Contains(t.CommunityId)).Select(t => t.Tag).Distinct().ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var broadcastIds = all.Select(b => b.Id).ToList();
        var delivered = (await db.BroadcastDeliveries.AsNoTracking().Where(d => broadcastIds.Contains(d.BroadcastId) && visible.Contains(d.CommunityId))
            .Select(d => d.BroadcastId).Distinct().ToListAsync(ct)).ToHashSet();
        return [.. all.Where(b => delivered.Contains(b.Id) || b.Targets.CommunityIds.Any(ids.Contains)
            || b.Targets.CommunityTypes.Any(types.Contains) || b.Targets.Tags.Any(tags.Contains))];
    }

    public static async Task<bool> CanSeeAsync(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        return (await VisibleAsync(db, user, db.Broadcasts.AsNoTracking().Where(b => b.Id == id && b.WorkspaceId == workspaceId), ct)).Count > 0;
    }
}
