using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Platforms;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// <summary>Where a sandbox group's events go (its account and chat id). Those never change once the
/// group exists, so the hot event endpoint looks them up once instead of querying on every request.</summary>
public sealed class SandboxGroupCache(IAppDbContextFactory dbs)
{
    private readonly ConcurrentDictionary<(Guid Workspace, Guid Group), Target> _targets = new();

    public async ValueTask<Target?> FindAsync(Guid workspaceId, Guid groupId, CancellationToken ct)
    {
        if (_targets.TryGetValue((workspaceId, groupId), out var known)) return known;
        await using var db = dbs.Create();
        var target = await db.Communities.AsNoTracking()
            .Where(c => c.Id == groupId && c.WorkspaceId == workspaceId && c.Platform == PlatformKind.Sandbox)
            .Select(c => new Target(c.AccountId, c.ExternalId)).FirstOrDefaultAsync(ct);
        // Unknown ids are not remembered: a group created a moment later must be found.
        if (target is not null) _targets.TryAdd((workspaceId, groupId), target);
        return target;
    }

    public sealed record Target(Guid AccountId, string ChatId);
}
