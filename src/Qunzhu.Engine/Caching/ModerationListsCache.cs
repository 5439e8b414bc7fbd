using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Moderation;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Caching;

/// <summary>The sensitive-word automaton and domain allow-list per workspace. Building the automaton for
/// 10,000 words takes milliseconds, so it is built once and rebuilt only when the lists change.</summary>
public sealed class ModerationListsCache(IAppDbContextFactory dbs, TimeProvider time)
{
    private readonly VersionedCache<Guid, ModerationLists> _cache = new(time, TimeSpan.FromSeconds(15));

    public ValueTask<ModerationLists> GetAsync(Guid workspaceId, CancellationToken ct) => _cache.GetAsync(workspaceId, LoadAsync, ct);

    public void Invalidate(Guid workspaceId) => _cache.Invalidate(workspaceId);

    private async Task<ModerationLists> LoadAsync(Guid workspaceId, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var words = await db.SensitiveWords.AsNoTracking().Where(w => w.WorkspaceId == workspaceId).Select(w => w.Word).ToListAsync(ct);
        var policy = await db.ModerationPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.WorkspaceId == workspaceId, ct);
        return new ModerationLists(
            words.Count == 0 ? SensitiveWordMatcher.Empty : new SensitiveWordMatcher(words),
            policy?.AllowedDomains ?? []);
    }
}
