using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.PlatformAccounts;

/// The platform-accounts API: settings in, secrets never out, encrypted in the database, per workspace.
public sealed class PlatformAccountsApiTests : PlatformAccountsTest
{
    private const string Secret = "s3cr3t-bridge-key-7f9a2c";

    [Fact]
    public async Task Types_InstalledPlatforms_ListedWithTheirFieldsAndHelpInBothLanguages()
    {
        var types = await JsonAsync(await Http.GetAsync("/api/v1/platform-accounts/types"), HttpStatusCode.OK);
        var platforms = types.EnumerateArray().Select(t => t.GetProperty("platform").GetString()).ToList();
        platforms.ShouldContain("telegram");
        platforms.ShouldContain("wecom");
        platforms.ShouldNotContain("sandbox");
        var bridge = types.EnumerateArray().Single(t => t.GetProperty("platform").GetString() == "bridge");
        var secret = bridge.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "sharedSecret");
        secret.GetProperty("secret").GetBoolean().ShouldBeTrue();
        secret.GetProperty("helpZh").GetString().ShouldBe("桥接共享密钥");
        secret.GetProperty("helpEn").GetString().ShouldBe("The bridge's shared key.");
        (await Server.CreateClient().GetAsync("/api/v1/platform-accounts/types")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApi_AccountAndWeComContactRoutes_DescribedWithoutTheServerAddressAsAParameter()
    {
        using var doc = JsonDocument.Parse(await Server.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        paths.GetProperty("/api/v1/platform-accounts/types").GetProperty("get").GetProperty("summary").GetString()!.ShouldContain("settings");
        paths.GetProperty("/api/v1/platform-accounts/{id}/wecom/contact-ways").GetProperty("post").GetProperty("summary").GetString()!.ShouldContain("state");
        paths.GetProperty("/api/v1/platform-accounts/{id}/wecom/corp-tags").GetProperty("get").GetProperty("summary").GetString()!.ShouldContain("get_corp_tag_list");
        var list = paths.GetProperty("/api/v1/platform-accounts").GetProperty("get");
        (list.TryGetProperty("parameters", out var parameters) ? parameters.GetRawText() : "").ShouldNotContain("site");
    }

    [Fact]
    public async Task Create_WithSecrets_ResponsesShowOnlyWhetherSecretsAreSet()
    {
        var id = await CreateAsync(Secret);

        var raw = await (await Http.GetAsync($"/api/v1/platform-accounts/{id}")).Content.ReadAsStringAsync();
        var list = await (await Http.GetAsync("/api/v1/platform-accounts")).Content.ReadAsStringAsync();
        raw.ShouldNotContain(Secret);
        list.ShouldNotContain(Secret);
        var account = JsonDocument.Parse(raw).RootElement;
        account.GetProperty("platform").GetString().ShouldBe("bridge");
        account.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        var settings = account.GetProperty("settings");
        settings.GetProperty("sharedSecret").GetProperty("set").GetBoolean().ShouldBeTrue();
        settings.GetProperty("signingKey").GetProperty("set").GetBoolean().ShouldBeFalse();
        settings.GetProperty("callbackUrl").GetString().ShouldBe("https://bridge.example.com/qunzhu");
        account.GetProperty("webhookUrl").GetString().ShouldBe($"http://localhost/webhooks/bridge/{id}");
        account.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ShouldContain("sharedSecret");
        // The sandbox account is listed too (it was not created through the API).
        JsonDocument.Parse(list).RootElement.EnumerateArray().Select(a => a.GetProperty("platform").GetString()).ShouldBe(["sandbox", "bridge"]);
    }

    [Fact]
    public async Task Create_Secrets_EncryptedInTheDatabaseAndDecryptedForConnectors()
    {
        var id = await CreateAsync(Secret);

        await using var connection = new SqliteConnection($"Data Source={Server.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Settings\", \"ProtectedSecrets\" FROM \"PlatformAccounts\" WHERE \"Id\" = $id";
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("the account row");
        reader.GetString(0).ShouldContain("bridge.example.com");
        reader.GetString(0).ShouldNotContain(Secret);
        var blob = reader.GetString(1);
        blob.ShouldNotContain(Secret);
        blob.ShouldNotContain("sharedSecret");
        await using (var db = Server.CreateDbContext()) (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);

        var settings = await Server.Services.GetRequiredService<IAccountSettingsProvider>().GetAsync(id, default);
        settings.Require("sharedSecret").ShouldBe(Secret);
        settings.ToString().ShouldNotContain(Secret);
    }

    [Fact]
    public async Task AllOperations_WithSecrets_NothingSecretInTheLogs()
    {
        var id = await CreateAsync(Secret);
        await Http.GetAsync($"/api/v1/platform-accounts/{id}");
        await Http.PatchAsJsonAsync($"/api/v1/platform-accounts/{id}", new { settings = new { signingKey = "second-" + Secret } });
        await Http.PatchAsJsonAsync($"/api/v1/platform-accounts/{id}", new { settings = new { sharedSecret = "x" + Secret, mode = "sideways" } });
        await Http.PostAsJsonAsync("/api/v1/platform-accounts", new { platform = "bridge", name = "bad", settings = new { sharedSecret = Secret, nope = Secret } });
        await Http.PostAsync($"/api/v1/platform-accounts/{id}/test", null);
        await Http.PostAsync($"/api/v1/platform-accounts/{id}/disable", null);
        await Http.PostAsync($"/api/v1/platform-accounts/{id}/enable", null);

        Logs.Lines.Count.ShouldBeGreaterThan(10, "debug logging is on, so requests were logged");
        Logs.Lines.ShouldNotContain(l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_OmittedSecret_KeepsItsValue_NullClearsIt()
    {
        var id = await CreateAsync(Secret);
        var updated = await JsonAsync(await Http.PatchAsJsonAsync($"/api/v1/platform-accounts/{id}",
            new { name = "改名", settings = new { mode = "pull", signingKey = "k2" } }), HttpStatusCode.OK);
        updated.GetProperty("name").GetString().ShouldBe("改名");
        updated.GetProperty("settings").GetProperty("mode").GetString().ShouldBe("pull");
        updated.GetProperty("settings").GetProperty("signingKey").GetProperty("set").GetBoolean().ShouldBeTrue();
        var settings = await Server.Services.GetRequiredService<IAccountSettingsProvider>().GetAsync(id, default);
        settings.Get("sharedSecret").ShouldBe(Secret);
        settings.Get("signingKey").ShouldBe("k2");

        await JsonAsync(await Http.PatchAsync($"/api/v1/platform-accounts/{id}",
            JsonContent.Create(JsonDocument.Parse("""{"settings":{"signingKey":null}}""").RootElement)), HttpStatusCode.OK);
        (await Server.Services.GetRequiredService<IAccountSettingsProvider>().GetAsync(id, default)).Get("signingKey").ShouldBeNull();
        var cleared = await JsonAsync(await Http.PatchAsync($"/api/v1/platform-accounts/{id}",
            JsonContent.Create(JsonDocument.Parse("""{"settings":{"sharedSecret":""}}""").RootElement)), HttpStatusCode.BadRequest);
        cleared.GetProperty("errors").GetProperty("settings.sharedSecret")[0].GetString()!.ShouldContain("required");
        (await Server.Services.GetRequiredService<IAccountSettingsProvider>().GetAsync(id, default)).Get("sharedSecret").ShouldBe(Secret);
    }

    [Theory]
    [InlineData("""{"platform":"myspace","name":"x","settings":{}}""", "platform", "Unknown platform")]
    [InlineData("""{"platform":"sandbox","name":"x","settings":{}}""", "platform", "cannot be created")]
    [InlineData("""{"platform":"bridge","name":"x","settings":{"callbackUrl":"https://b.example"}}""", "settings.sharedSecret", "required")]
    [InlineData("""{"platform":"bridge","name":"x","settings":{"sharedSecret":"k","callbackUrl":"https://b.example","colour":"red"}}""", "settings.colour", "Unknown setting")]
    [InlineData("""{"platform":"bridge","name":"x","settings":{"sharedSecret":"k","callbackUrl":"ftp://b.example"}}""", "settings", "callbackUrl")]
    [InlineData("""{"platform":"bridge","name":"","settings":{"sharedSecret":"k","callbackUrl":"https://b.example"}}""", "name", "1–100")]
    public async Task Create_InvalidInput_Returns400NamingTheFieldAndStoresNothing(string body, string field, string message)
    {
        var problem = await JsonAsync(await Http.PostAsync("/api/v1/platform-accounts",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(message);
        await using var db = Server.CreateDbContext();
        (await db.PlatformAccounts.CountAsync(a => a.Platform != PlatformKind.Sandbox)).ShouldBe(0);
    }

    [Fact]
    public async Task Test_CallsTheConnectorWithTheDecryptedSettings()
    {
        var good = await CreateAsync();
        var bad = await CreateAsync("wrong-key");
        var ok = await JsonAsync(await Http.PostAsync($"/api/v1/platform-accounts/{good}/test", null), HttpStatusCode.OK);
        ok.GetProperty("ok").GetBoolean().ShouldBeTrue();
        var failed = await JsonAsync(await Http.PostAsync($"/api/v1/platform-accounts/{bad}/test", null), HttpStatusCode.OK);
        failed.GetProperty("ok").GetBoolean().ShouldBeFalse();
        failed.GetProperty("message").GetString().ShouldBe("The bridge rejected the shared key.");
        // Saving ran the type's setup with the webhook URL the caller would paste.
        Type.SetUps.ShouldContain(s => s.Account == good && s.Secret == RecordingAccountType.GoodKey
                                        && s.WebhookUrl.AbsolutePath == $"/webhooks/bridge/{good}");
    }

    [Fact]
    public async Task DisableEnable_FlipsTheAccount_SandboxCannotBeDisabled()
    {
        var id = await CreateAsync();
        (await JsonAsync(await Http.PostAsync($"/api/v1/platform-accounts/{id}/disable", null), HttpStatusCode.OK)).GetProperty("enabled").GetBoolean().ShouldBeFalse();
        (await Server.Services.GetRequiredService<IAccountSettingsProvider>().GetAsync(id, default)).Enabled.ShouldBeFalse();
        (await JsonAsync(await Http.PostAsync($"/api/v1/platform-accounts/{id}/enable", null), HttpStatusCode.OK)).GetProperty("enabled").GetBoolean().ShouldBeTrue();

        var sandbox = (await Http.GetFromJsonAsync<JsonElement>("/api/v1/platform-accounts")).EnumerateArray()
            .Single(a => a.GetProperty("platform").GetString() == "sandbox").GetProperty("id").GetGuid();
        await JsonAsync(await Http.PostAsync($"/api/v1/platform-accounts/{sandbox}/disable", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Get_ShowsLastEventReceivedAndRecentDeliveryErrors()
    {
        var id = await CreateAsync();
        var before = await JsonAsync(await Http.GetAsync($"/api/v1/platform-accounts/{id}"), HttpStatusCode.OK);
        before.TryGetProperty("lastEventAt", out _).ShouldBeFalse();
        var settings = await Server.Services.GetRequiredService<IAccountSettingsProvider>().GetAsync(id, default);
        await Server.Services.GetRequiredService<IInboxWriter>().AcceptAsync(
            new InboxItem(settings.WorkspaceId, id, PlatformKind.Bridge, "ev-1", "chat-1", "{}"), default);
        await using (var db = Server.CreateDbContext())
        {
            db.Outbox.Add(new OutboundAction
            {
                WorkspaceId = settings.WorkspaceId,
                AccountId = id,
                Platform = PlatformKind.Bridge,
                ChatId = "chat-1",
                IdempotencyKey = "k-1",
                Kind = BotActionKind.SendMessage,
                Text = "hi",
                Status = OutboxStatus.DeadLetter,
                Attempts = 6,
                LastError = "403 Forbidden: bot was kicked",
            });
            await db.SaveChangesAsync();
        }

        var after = await JsonAsync(await Http.GetAsync($"/api/v1/platform-accounts/{id}"), HttpStatusCode.OK);
        after.GetProperty("lastEventAt").GetDateTime().ShouldBeGreaterThan(Server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddMinutes(-5));
        var error = after.GetProperty("recentDeliveryErrors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("error").GetString().ShouldBe("403 Forbidden: bot was kicked");
        error.GetProperty("status").GetString().ShouldBe("deadLetter");
    }

    [Fact]
    public async Task OtherWorkspace_CannotSeeOrChangeTheAccount()
    {
        var id = await CreateAsync(Secret);
        using var other = await SecondWorkspace.CreateAsync(Server);

        (await other.GetAsync($"/api/v1/platform-accounts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PatchAsJsonAsync($"/api/v1/platform-accounts/{id}", new { name = "hijacked" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/platform-accounts/{id}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/platform-accounts/{id}/test", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/platform-accounts");
        theirs.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldNotContain(id);
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/platform-accounts/{id}")).GetProperty("name").GetString().ShouldBe("我的桥");
        (await Server.CreateClient().GetAsync("/api/v1/platform-accounts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
