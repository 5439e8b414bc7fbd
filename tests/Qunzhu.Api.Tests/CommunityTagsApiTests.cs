using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// The communities list filtered by tag, and tags added and removed on many groups at once.
public sealed class CommunityTagsApiTests : SandboxTest
{
    private async Task<List<string>> NamesAsync(string query) =>
        [.. (await Http.GetFromJsonAsync<JsonElement>("/api/v1/communities" + query)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task ApplyTags_AddThenRemove_ListFiltersByTagAndShowsTags()
    {
        var a = await Sandbox.CreateGroupAsync("一群");
        var b = await Sandbox.CreateGroupAsync("二群");
        await Sandbox.CreateGroupAsync("三群");

        (await Http.PostAsJsonAsync("/api/v1/community-tags/apply", new { communityIds = new[] { a, b }, add = new[] { "早报" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await NamesAsync("?tag=早报")).ShouldBe(["一群", "二群"]);
        var item = (await Http.GetFromJsonAsync<JsonElement>("/api/v1/communities?tag=早报&search=一群")).GetProperty("items")[0];
        item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["早报"]);

        (await Http.PostAsJsonAsync("/api/v1/community-tags/apply", new { communityIds = new[] { b }, remove = new[] { "早报" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await NamesAsync("?tag=早报")).ShouldBe(["一群"]);
        (await NamesAsync("?tag=没有的标签")).ShouldBeEmpty();
        var counts = await Http.GetFromJsonAsync<JsonElement>("/api/v1/community-tags");
        counts.EnumerateArray().Single(c => c.GetProperty("tag").GetString() == "早报").GetProperty("communities").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ApplyTags_InvalidRequests_400WithReasonAndNothingStored()
    {
        var a = await Sandbox.CreateGroupAsync("一群");
        var other = await SecondWorkspace.CreateAsync(Server);
        var foreign = await new SandboxClient(other).CreateGroupAsync("别的工作区");

        async Task RefusedAsync(object body, string field, string message)
        {
            var problem = await (await Http.PostAsJsonAsync("/api/v1/community-tags/apply", body)).JsonAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain(message);
        }
        await RefusedAsync(new { communityIds = new[] { a } }, "add", "Give a tag to add or to remove");
        await RefusedAsync(new { communityIds = new[] { a }, add = new[] { "x" }, remove = new[] { "x" } }, "remove", "both added and removed");
        await RefusedAsync(new { communityIds = new[] { a }, add = new[] { new string('长', 51) } }, "add", "1–50 characters");
        await RefusedAsync(new { communityIds = new[] { a, foreign }, add = new[] { "x" } }, "communityIds", foreign.ToString());
        await RefusedAsync(new { communityIds = Array.Empty<Guid>(), add = new[] { "x" } }, "communityIds", "List the groups");

        await using var db = Server.CreateDbContext();
        (await db.CommunityTags.CountAsync()).ShouldBe(0);
        // The other workspace's key cannot filter its way into this workspace's tags either.
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/community-tags")).GetArrayLength().ShouldBe(0);
    }
}
