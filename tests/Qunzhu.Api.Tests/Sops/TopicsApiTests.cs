using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Testing;
using static Qunzhu.Api.Tests.Sops.SopRequests;

namespace Qunzhu.Api.Tests.Sops;

public sealed class TopicsApiTests : SandboxTest
{
    private async Task<Guid> TopicAsync(string kind, string title, string text, HttpClient? http = null) =>
        (await (await (http ?? Http).PostAsJsonAsync("/api/v1/topics", new { kind, title, text })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    [Fact]
    public async Task CreateTopic_BadKindAndEmptyText_ProblemDetailsAndNothingStored()
    {
        var problem = await (await Http.PostAsJsonAsync("/api/v1/topics", new { kind = "gossip", title = "x", text = " " })).JsonAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("professional");
        problem.GetProperty("errors").GetProperty("text")[0].GetString()!.ShouldContain("prompt");
        (await Http.GetFromJsonAsync<JsonElement>("/api/v1/topics")).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Topics_Crud_FilterByKindUpdateDeleteAndOtherWorkspaceSeesNone()
    {
        var hot = await TopicAsync("hot", "双十一", "今年双十一你买了什么？");
        await TopicAsync("personal", "周末", "周末一般怎么过？");
        var hotOnly = await Http.GetFromJsonAsync<JsonElement>("/api/v1/topics?kind=hot");
        hotOnly.GetArrayLength().ShouldBe(1);
        var updated = await (await Http.PutAsJsonAsync($"/api/v1/topics/{hot}", new { kind = "hot", title = "双十二", text = "双十二有什么计划？" })).JsonAsync(HttpStatusCode.OK);
        updated.GetProperty("title").GetString().ShouldBe("双十二");
        var other = await SecondWorkspace.CreateAsync(Server);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/topics")).GetArrayLength().ShouldBe(0);
        (await other.DeleteAsync($"/api/v1/topics/{hot}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Http.DeleteAsync($"/api/v1/topics/{hot}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Http.GetAsync($"/api/v1/topics/{hot}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostTopicStep_AutoPick_DoesNotRepeatATopicInAGroupAndRecordsWhichGroupGotWhat()
    {
        var group = await Sandbox.CreateGroupAsync("话题群");
        await TopicAsync("universal", "目标", "💬 你加入「{group}」的目标是什么？");
        await TopicAsync("universal", "推荐", "💬 推荐一本最近在读的书");
        var sop = await CreateAsync(Http, new
        {
            name = "话题",
            kind = "group",
            steps = new[]
            {
                Step("groupCreated", "postTopic", topicKind: "universal"),
                Step("groupCreated", "postTopic", topicKind: "universal"),
                Step("groupCreated", "postTopic", topicKind: "universal"),
            },
        });
        var id = sop.GetProperty("id").GetGuid();
        await ApplyAsync(Http, id, group);

        var messages = await Sandbox.BotMessagesAsync(group, 2);
        messages.ShouldBe(["💬 你加入「话题群」的目标是什么？", "💬 推荐一本最近在读的书"], ignoreOrder: true);
        var history = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/topics/history?communityId={group}");
        history.GetArrayLength().ShouldBe(2);
        history.EnumerateArray().Select(h => h.GetProperty("topicTitle").GetString()).ShouldBe(["目标", "推荐"], ignoreOrder: true);
        history[0].GetProperty("communityName").GetString().ShouldBe("话题群");
        // A third pick finds both used within the repeat window: the step fails, saying why, and posts nothing.
        var report = await Eventually.UntilAsync(() => ExecutionsAsync(Http, id), r => r.GetProperty("summary").GetProperty("failed").GetInt32() == 1);
        report.GetProperty("summary").GetProperty("doneOnTime").GetInt32().ShouldBe(2);
        report.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("status").GetString() == "failed")
            .GetProperty("reason").GetString()!.ShouldContain("话题库");
        (await Sandbox.BotMessagesAsync(group, 2)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task ScheduleTopic_ToAGroupNow_PostsItAsABroadcastAndAppearsInHistory()
    {
        var group = await Sandbox.CreateGroupAsync("讨论群");
        var topic = await TopicAsync("professional", "复盘", "本周学习复盘：{group} 的同学们，这周最大的收获是什么？");
        var scheduled = await (await Http.PostAsJsonAsync($"/api/v1/topics/{topic}/schedule", new { targets = new { communityIds = new[] { group } } }))
            .JsonAsync(HttpStatusCode.Created);
        scheduled.GetProperty("broadcastId").GetGuid().ShouldNotBe(Guid.Empty);
        (await Sandbox.BotMessagesAsync(group, 1)).ShouldBe(["本周学习复盘：讨论群 的同学们，这周最大的收获是什么？"]);
        var history = await Eventually.UntilAsync(() => Http.GetFromJsonAsync<JsonElement>($"/api/v1/topics/history?topicId={topic}"), h => h.GetArrayLength() == 1);
        history[0].GetProperty("source").GetString().ShouldBe("broadcast");
        (await Http.GetFromJsonAsync<JsonElement>($"/api/v1/topics/{topic}")).GetProperty("uses").GetInt32().ShouldBe(1);
        var bad = await (await Http.PostAsJsonAsync($"/api/v1/topics/{topic}/schedule", new { targets = new { } })).JsonAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").GetProperty("targets")[0].GetString()!.ShouldContain("Say which groups");
    }
}
