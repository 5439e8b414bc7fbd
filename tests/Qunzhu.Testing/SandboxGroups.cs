using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Storage;

namespace Qunzhu.Testing;

/// Many sandbox groups at once, written as the sandbox API writes them (for broadcasts to thousands of groups).
public static class SandboxGroups
{
    public static async Task<List<Guid>> CreateManyAsync(QunzhuServer server, int count, CommunityType type = CommunityType.Learning,
        string prefix = "群", PlatformCapabilities? capabilities = null)
    {
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = server.Services.GetRequiredService<IAppDbContextFactory>().Create();
        var workspaceId = await db.Workspaces.OrderBy(w => w.CreatedAt).Select(w => w.Id).FirstAsync();
        var account = await db.PlatformAccounts.FirstAsync(a => a.WorkspaceId == workspaceId && a.Platform == PlatformKind.Sandbox);
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var community = new Community
            {
                WorkspaceId = workspaceId,
                AccountId = account.Id,
                Platform = PlatformKind.Sandbox,
                ExternalId = "",
                Name = $"{prefix}{i + 1}",
                Type = type,
                Capabilities = capabilities,
                CreatedAt = now,
            };
            community.ExternalId = community.Id.ToString();
            db.Communities.Add(community);
            ids.Add(community.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }
}
