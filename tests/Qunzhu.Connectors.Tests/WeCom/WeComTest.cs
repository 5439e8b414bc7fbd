using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;
using Qunzhu.Testing.WeCom;

namespace Qunzhu.Connectors.Tests.WeCom;

/// <summary>A real Qunzhu server and a fake WeCom on 127.0.0.1, with a WeCom account pointing at the fake.</summary>
public abstract class WeComTest : IAsyncLifetime
{
    protected FakeWeComServer Fake { get; private set; } = null!;
    protected QunzhuServer Server { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;
    protected Guid AccountId { get; private set; }
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
    protected static long Now => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Server settings for the test class (none by default).</summary>
    protected virtual Dictionary<string, string?>? Settings => null;

    public async ValueTask InitializeAsync()
    {
        Fake = await FakeWeComServer.StartAsync();
        Server = new QunzhuServer(settings: Settings);
        Http = Server.CreateApiClient();
        AccountId = await CreateAccountAsync(FakeWeComServer.Token, FakeWeComServer.EncodingAesKey, FakeWeComServer.CorpId);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Fake.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<Guid> CreateAccountAsync(string token, string key, string corpId, string name = "企业微信")
    {
        var created = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/platform-accounts", new
        {
            platform = "wecom",
            name,
            settings = new { corpId, secret = FakeWeComServer.Secret, token, encodingAesKey = key, apiBaseUrl = Fake.BaseUrl.ToString() },
        }, Ct), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    protected Task<HttpResponseMessage> PushAsync(string xml) => FakeWeComCallbacks.PushAsync(Server.CreateClient(), AccountId, xml);

    protected async Task<JsonElement> SyncAsync() =>
        await JsonAsync(await Http.PostAsync(new Uri($"/api/v1/platform-accounts/{AccountId}/wecom/sync-groups", UriKind.Relative), null, Ct), HttpStatusCode.OK);

    protected async Task<Guid> CommunityIdAsync(string chatId)
    {
        await using var db = Server.CreateDbContext();
        return await db.Communities.Where(c => c.AccountId == AccountId && c.ExternalId == chatId).Select(c => c.Id).SingleAsync(Ct);
    }

    /// <summary>The group's members (current and former) as the API shows them.</summary>
    protected async Task<JsonElement[]> MembersAsync(Guid communityId)
    {
        var page = await JsonAsync(await Http.GetAsync(new Uri($"/api/v1/communities/{communityId}/members?includeFormer=true", UriKind.Relative), Ct), HttpStatusCode.OK);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    protected async Task<JsonElement?> MemberAsync(Guid communityId, string displayName) =>
        (await MembersAsync(communityId)).Cast<JsonElement?>().FirstOrDefault(m => m!.Value.GetProperty("displayName").GetString() == displayName);

    protected async Task<int> InboxCountAsync(Func<string, bool> id)
    {
        await using var db = Server.CreateDbContext();
        var ids = await db.Inbox.Where(e => e.AccountId == AccountId).Select(e => e.PlatformEventId).ToListAsync(Ct);
        return ids.Count(id);
    }
}
