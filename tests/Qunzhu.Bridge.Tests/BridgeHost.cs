using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Testing;

namespace Qunzhu.Bridge.Tests;

/// <summary>A real server with bridge accounts, and the bridge-side client for them.</summary>
public sealed class BridgeHost : IAsyncDisposable
{
    public const string Secret = "bridge-secret-0123456789abcdef-0123456789";
    public const string AllCapabilities = "readsMessages,postsFreely,removesMembers,mutesMembers,deletesMessages,handlesJoinRequests";
    private readonly InMemoryAccountSettings _settings = new();

    public BridgeHost(IDictionary<string, string?>? settings = null)
    {
        Server = new QunzhuServer(settings: settings, services: s => s.AddSingleton<IAccountSettingsProvider>(_settings));
        Api = Server.CreateApiClient();
    }

    public QunzhuServer Server { get; }

    public HttpClient Api { get; }

    /// <summary>A bridge account: pushing to <paramref name="callbackUrl"/>, or pulling when it is null.</summary>
    public async Task<Guid> CreateAccountAsync(Uri? callbackUrl, string capabilities = AllCapabilities, string secret = Secret)
    {
        await using var db = Server.CreateDbContext();
        var workspaceId = (await db.Workspaces.FirstAsync()).Id;
        var account = new PlatformAccount { WorkspaceId = workspaceId, Platform = PlatformKind.Bridge, Name = "RPA 小号" };
        db.PlatformAccounts.Add(account);
        await db.SaveChangesAsync();
        var values = new Dictionary<string, string> { ["sharedSecret"] = secret, ["capabilities"] = capabilities };
        if (callbackUrl is not null) values["callbackUrl"] = callbackUrl.ToString();
        _settings.Set(new AccountSettings(values) { AccountId = account.Id, WorkspaceId = workspaceId, Platform = PlatformKind.Bridge });
        return account.Id;
    }

    public BridgeClient Client(Guid accountId, string secret = Secret, TimeProvider? time = null) =>
        new(Server.CreateClient(), accountId, secret, time);

    /// <summary>The community the engine created for a discovered chat.</summary>
    public async Task<Community> CommunityAsync(Guid accountId, string chatId) =>
        (await Eventually.UntilAsync(async () =>
        {
            await using var db = Server.CreateDbContext();
            return await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == accountId && c.ExternalId == chatId);
        }, c => c is not null, what: $"the community of chat {chatId}"))!;

    public async Task<int> InboxCountAsync(Guid accountId)
    {
        await using var db = Server.CreateDbContext();
        return await db.Inbox.CountAsync(e => e.AccountId == accountId);
    }

    public async Task AddAutoReplyAsync(string keyword, string reply)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { keyword }, match = "contains", reply });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }
}
