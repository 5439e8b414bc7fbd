using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Moderation;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Templates;
using Qunzhu.Core.Workspaces;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Testing;

/// Another tenant on the same server, for isolation tests: what its key may see of the first workspace.
public static class SecondWorkspace
{
    public static async Task<HttpClient> CreateAsync(QunzhuServer server)
    {
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var key = ApiKeys.Generate();
        await using var db = server.Services.GetRequiredService<IAppDbContextFactory>().Create();
        var workspace = new Workspace { Name = "另一个工作区", CreatedAt = now };
        db.Workspaces.Add(workspace);
        db.PlatformAccounts.Add(new PlatformAccount { WorkspaceId = workspace.Id, Platform = PlatformKind.Sandbox, Name = "Sandbox", CreatedAt = now });
        db.Templates.Add(new Template { WorkspaceId = workspace.Id, Name = "默认模板", IsDefault = true, CreatedAt = now, UpdatedAt = now });
        db.ModerationPolicies.Add(new ModerationPolicy { WorkspaceId = workspace.Id, UpdatedAt = now });
        db.ApiKeys.Add(new ApiKey { WorkspaceId = workspace.Id, Name = "other", Prefix = ApiKeys.Prefix(key), Hash = ApiKeys.Hash(key), CreatedAt = now });
        await db.SaveChangesAsync();
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
