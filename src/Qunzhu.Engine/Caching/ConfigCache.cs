using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.AutoReplies;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Caching;

/// <summary>Per-workspace settings, loaded on first use. Writes on this node invalidate at once; the
/// time-to-live bounds how long another node's change can take to be seen.</summary>
public sealed class ConfigCache(IAppDbContextFactory dbs, TimeProvider time)
{
    private readonly VersionedCache<Guid, WorkspaceConfig> _cache = new(time, TimeSpan.FromSeconds(15));

    public ValueTask<WorkspaceConfig> GetAsync(Guid workspaceId, CancellationToken ct) => _cache.GetAsync(workspaceId, LoadAsync, ct);

    public void Invalidate(Guid workspaceId) => _cache.Invalidate(workspaceId);

    private async Task<WorkspaceConfig> LoadAsync(Guid workspaceId, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, ct);
        var templates = await db.Templates.AsNoTracking().Where(t => t.WorkspaceId == workspaceId).ToListAsync(ct);
        var rules = await db.AutoReplyRules.AsNoTracking().Where(r => r.WorkspaceId == workspaceId).ToListAsync(ct);
        return new WorkspaceConfig(
            workspace,
            TimeZoneInfo.FindSystemTimeZoneById(workspace.TimeZoneId),
            templates.ToDictionary(t => t.Id),
            templates.FirstOrDefault(t => t.IsDefault),
            new AutoReplyMatcher(rules));
    }

}
