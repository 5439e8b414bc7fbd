using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Communities;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Broadcasts;

/// The groups a broadcast's targets name, in the caller's workspace only.
public static class BroadcastTargeting
{
    public static IQueryable<Community> Query(AppDbContext db, Guid workspaceId, BroadcastTargets targets)
    {
        var ids = targets.CommunityIds.ToList();
        var types = targets.CommunityTypes.ToList();
        var tags = targets.Tags.ToList();
        var templates = targets.TemplateIds.ToList();
        return db.Communities.Where(c => c.WorkspaceId == workspaceId
            && (ids.Contains(c.Id) || types.Contains(c.Type)
                || db.CommunityTags.Any(t => t.CommunityId == c.Id && t.WorkspaceId == workspaceId && tags.Contains(t.Tag))
                || (c.TemplateId != null && templates.Contains(c.TemplateId.Value))
                || (c.TemplateId == null && db.Templates.Any(t => t.WorkspaceId == workspaceId && t.IsDefault && templates.Contains(t.Id)))));
    }
}
