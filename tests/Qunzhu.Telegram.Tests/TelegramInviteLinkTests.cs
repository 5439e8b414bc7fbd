using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;
using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// Named invite links: created on Telegram, stored, and joins through them attributed.
public sealed class TelegramInviteLinkTests : TelegramTest
{
    private const long Group = -1001234567006;

    [Fact]
    public async Task InviteLink_JoinThroughIt_AttributedToItsNameAndCounted()
    {
        var account = await CreateBotAsync();
        var community = await AddBotAsync(account, Group);
        var created = await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/communities/{community}/invite-links",
            new { name = "渠道A", memberLimit = 100, createsJoinRequest = false }), HttpStatusCode.Created);
        var url = created.GetProperty("url").GetString()!;
        var call = Fake.CallsTo("createChatInviteLink").Single();
        (call.Get("name"), call.Get("member_limit")).ShouldBe(("渠道A", "100"));

        await PushOkAsync(account, Updates.ChatMember(Updates.NextId(), Group, "读书会", 91, "小王", "left", "member", Updates.Link(url, "渠道A")));
        await PushOkAsync(account, Updates.NewChatMembers(Updates.NextId(), Group, "读书会", (91, "小王")));
        // The service message (no link) first, then chat_member with the link: still attributed.
        await PushOkAsync(account, Updates.NewChatMembers(Updates.NextId(), Group, "读书会", (92, "小李")));
        await PushOkAsync(account, Updates.ChatMember(Updates.NextId(), Group, "读书会", 92, "小李", "left", "member", Updates.Link(url, "渠道A")));
        await PushOkAsync(account, Updates.ChatMember(Updates.NextId(), Group, "读书会", 93, "路人", "left", "member"));

        var links = await Eventually.UntilAsync(() => Http.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{community}/invite-links"),
            l => l[0].GetProperty("joins").GetInt32() == 2);
        links.GetArrayLength().ShouldBe(1);
        links[0].GetProperty("name").GetString().ShouldBe("渠道A");
        await using var db = Server.CreateDbContext();
        (await db.Memberships.CountAsync(m => m.InviteCode == "渠道A")).ShouldBe(2);
    }

    [Fact]
    public async Task InviteLink_DuplicateNameOrLimitWithJoinRequest_Returns400_TelegramRefusal502()
    {
        var account = await CreateBotAsync();
        var community = await AddBotAsync(account, Group);
        await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/communities/{community}/invite-links", new { name = "渠道A" }), HttpStatusCode.Created);

        var dup = await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/communities/{community}/invite-links", new { name = "渠道A" }), HttpStatusCode.BadRequest);
        dup.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
        var both = await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/communities/{community}/invite-links",
            new { name = "审核", memberLimit = 5, createsJoinRequest = true }), HttpStatusCode.BadRequest);
        both.GetProperty("errors").TryGetProperty("memberLimit", out _).ShouldBeTrue();
        Fake.Fail("createChatInviteLink", 400, "Bad Request: not enough rights to manage chat invite links");
        var refused = await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/communities/{community}/invite-links", new { name = "渠道B" }), HttpStatusCode.BadGateway);
        refused.GetProperty("detail").GetString()!.ShouldContain("not enough rights");
        using var other = await SecondWorkspace.CreateAsync(Server);
        (await other.GetAsync($"/api/v1/communities/{community}/invite-links")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
