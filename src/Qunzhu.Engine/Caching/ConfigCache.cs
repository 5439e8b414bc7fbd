using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.AutoReplies;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Caching;

/// <summary>Per-workspace settings, loaded on first use. Writes on this node invalidate at once; the
/// time-to-live bounds how long another node's change can take to be seen.</summary>
public sealed class ConfigCache(IAppDbContextFactory dbs, TimeProvider time)
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _versions = new();

    public async ValueTask<WorkspaceConfig> GetAsync(Guid workspaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var version = _versions.GetValueOrDefault(workspaceId);
        if (_entries.TryGetValue(workspaceId, out var entry) && entry.ExpiresAt > now && entry.Version == version) return entry.Config;
        var config = await LoadAsync(workspaceId, ct);
        // Stored under the version seen before loading: if a change was committed (and invalidated) while we
        // were loading, what we read may predate it, and the next read loads again instead of keeping a
        // stale copy for the whole time-to-live.
        _entries[workspaceId] = new Entry(config, now + TimeToLive, version);
        return config;
    }

    public void Invalidate(Guid workspaceId)
    {
        _versions.AddOrUpdate(workspaceId, 1, (_, v) => v + 1);
        _entries.TryRemove(workspaceId, out _);
    }

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

    private sealed record Entry(WorkspaceConfig Config, DateTimeOffset ExpiresAt, long Version);
}
