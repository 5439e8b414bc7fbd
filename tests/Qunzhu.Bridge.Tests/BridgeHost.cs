using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Communities;
using Qunzhu.Testing;

namespace Qunzhu.Bridge.Tests;

/// <summary>A real server with bridge accounts, and the bridge-side client for them.</summary>
public sealed class BridgeHost : IAsyncDisposable
{
    public const string Secret = "bridge-secret-0123456789abcdef-0123456789";
    public const string AllCapabilities = "readsMessages,postsFreely,removesMembers,mutesMembers,deletesMessages,handlesJoinRequests";

    public BridgeHost(IDictionary<string, string?>? settings = null, TestDatabase? database = null)
    {
        var all = database?.ServerSettings ?? [];
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        Database = database;
        Server = new QunzhuServer(settings: all);
        Api = Server.CreateApiClient();
    }

    /// <summary>The database the server runs on, when not its own SQLite file (disposed with the host).</summary>
    public TestDatabase? Database { get; }

    public QunzhuServer Server { get; }

    public HttpClient Api { get; }

    /// <summary>A bridge account, created through the platform-accounts API: pushing to <paramref name="callbackUrl"/>,
    /// or pulling when it is null.</summary>
    public async Task<Guid> CreateAccountAsync(Uri? callbackUrl, string capabilities = AllCapabilities, string secret = Secret)
    {
        var settings = new Dictionary<string, string> { ["sharedSecret"] = secret, ["capabilities"] = capabilities };
        if (callbackUrl is not null) settings["callbackUrl"] = callbackUrl.ToString();
        var response = await Api.PostAsJsonAsync("/api/v1/platform-accounts", new { platform = "bridge", name = "RPA 小号", settings });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
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
        if (Database is not null) await Database.DisposeAsync();
    }
}
