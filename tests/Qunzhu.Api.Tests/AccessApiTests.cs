using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// Roles on API keys, staff management rules and the audit log, through the real HTTP pipeline.
public sealed class AccessApiTests : SandboxTest
{
    private async Task<HttpClient> KeyClientAsync(string role)
    {
        var created = await Http.PostAsJsonAsync("/api/v1/api-keys", new { name = role + " key", role });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task ViewerKey_ReadsButEveryWrite_Returns403ProblemAndStoresNothing()
    {
        var viewer = await KeyClientAsync("viewer");
        (await viewer.GetAsync("/api/v1/communities")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var write = await viewer.PostAsJsonAsync("/api/v1/sandbox/groups", new { name = "不该存在" });
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        write.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await write.Content.ReadAsStringAsync()).ShouldContain("Viewers can read but not change anything");
        (await viewer.GetAsync("/api/v1/staff")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await Http.GetFromJsonAsync<JsonElement>("/api/v1/communities?search=不该存在");
        list.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task ApiKey_CreatedListedRevoked_SecretShownOnceAndRevokedKeyFails()
    {
        var created = await (await Http.PostAsJsonAsync("/api/v1/api-keys", new { name = "脚本", role = "admin" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("key").GetString()!;
        var listed = await Http.GetStringAsync("/api/v1/api-keys");
        listed.ShouldNotContain(secret);
        listed.ShouldContain(created.GetProperty("prefix").GetString()!);

        (await Http.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var revoked = Server.CreateClient();
        revoked.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await revoked.GetAsync("/api/v1/communities")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdminKey_CreateOwnerOrOperatorKey_RefusedWithReason()
    {
        var admin = await KeyClientAsync("admin");
        (await admin.PostAsJsonAsync("/api/v1/staff", new { email = "o2@example.com", role = "owner", password = "long enough pw" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "owner" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var op = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", role = "operator" });
        op.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await op.Content.ReadAsStringAsync()).ShouldContain("operators sign in as staff");
    }

    [Fact]
    public async Task Staff_WeakPasswordOrLastOwnerDemoted_RejectedWithReason()
    {
        var weak = await Http.PostAsJsonAsync("/api/v1/staff", new { email = "a@example.com", role = "admin", password = "short" });
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weak.Content.ReadAsStringAsync()).ShouldContain("password");
        var staff = await Http.GetFromJsonAsync<JsonElement>("/api/v1/staff");
        var owner = staff.EnumerateArray().Single(s => s.GetProperty("role").GetString() == "owner").GetProperty("id").GetGuid();
        var demote = await Http.PatchAsJsonAsync($"/api/v1/staff/{owner}", new { role = "viewer" });
        demote.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Writes_ByKey_AppearInAuditLogWithActorAndChange()
    {
        var group = await Sandbox.CreateGroupAsync("审计群");
        (await Http.PatchAsJsonAsync($"/api/v1/communities/{group}", new { name = "改名后" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Http.PostAsJsonAsync("/api/v1/moderation/sensitive-words", new { words = new[] { "刷单" } })).EnsureSuccessStatusCode();
        (await Http.DeleteAsync("/api/v1/moderation/sensitive-words")).EnsureSuccessStatusCode();   // bulk SQL: a summary row

        var log = await Http.GetFromJsonAsync<JsonElement>("/api/v1/audit-log");
        var rows = log.GetProperty("items").EnumerateArray().ToList();
        rows.ShouldContain(r => r.GetProperty("entity").GetString() == "Community" && r.GetProperty("action").GetString() == "updated"
            && r.GetProperty("changes").GetString()!.Contains("改名后") && r.GetProperty("actorName").GetString() == "api-key:bootstrap");
        rows.ShouldContain(r => r.GetProperty("entity").GetString() == "SensitiveWord" && r.GetProperty("action").GetString() == "created");
        rows.ShouldContain(r => r.GetProperty("entity").GetString() == "moderation" && r.GetProperty("action").GetString() == "deleted");
        rows.ShouldNotContain(r => r.GetProperty("changes").ToString().Contains("Hash"));
    }
}
