using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Moderation;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Caching;

/// <summary>The sensitive-word automaton and domain allow-list per workspace. Building the automaton for
/// 10,000 words takes milliseconds, so it is built once and rebuilt only when the lists change.</summary>
public sealed class ModerationListsCache(IAppDbContextFactory dbs, TimeProvider time)
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<Guid, (ModerationLists Lists, DateTimeOffset ExpiresAt, long Version)> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _versions = new();

    public async ValueTask<ModerationLists> GetAsync(Guid workspaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // As in ConfigCache: a copy loaded across an invalidation carries the old version and is not reused.
        var version = _versions.GetValueOrDefault(workspaceId);
        if (_entries.TryGetValue(workspaceId, out var entry) && entry.ExpiresAt > now && entry.Version == version) return entry.Lists;
        await using var db = dbs.Create();
        var words = await db.SensitiveWords.AsNoTracking().Where(w => w.WorkspaceId == workspaceId).Select(w => w.Word).ToListAsync(ct);
        var policy = await db.ModerationPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId, ct);
        var lists = new ModerationLists(
            words.Count == 0 ? SensitiveWordMatcher.Empty : new SensitiveWordMatcher(words),
            policy?.AllowedDomains ?? []);
        _entries[workspaceId] = (lists, now + TimeToLive, version);
        return lists;
    }

    public void Invalidate(Guid workspaceId)
    {
        _versions.AddOrUpdate(workspaceId, 1, (_, v) => v + 1);
        _entries.TryRemove(workspaceId, out _);
    }
}
