using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;
using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// Webhook ingestion: the secret header, exactly one effect per update_id, groups and members as Telegram reports them.
public sealed class TelegramWebhookTests : TelegramTest
{
    private const long Group = -1001234567001;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("webhook-secret_012345678")]
    [InlineData("webhook-secret_0123456789x")]
    public async Task Webhook_WrongOrMissingSecret_Returns401AndStoresNothing(string? secret)
    {
        var account = await CreateBotAsync();
        var response = await PushAsync(account, Updates.BotAdded(Updates.NextId(), Group, "读书会"), secret);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var db = Server.CreateDbContext();
        (await db.Inbox.CountAsync(e => e.AccountId == account)).ShouldBe(0);
    }

    [Fact]
    public async Task Webhook_UnknownOrDisabledAccount_Returns404()
    {
        (await PushAsync(Guid.NewGuid(), Updates.BotAdded(Updates.NextId(), Group, "读书会"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var account = await CreateBotAsync();
        await JsonAsync(await Http.PostAsync($"/api/v1/platform-accounts/{account}/disable", null), HttpStatusCode.OK);
        (await PushAsync(account, Updates.BotAdded(Updates.NextId(), Group, "读书会"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Webhook_RedeliveredUpdateId_HasOneEffect()
    {
        var account = await CreateBotAsync();
        await AddBotAsync(account, Group);
        var update = Updates.Message(Updates.NextId(), Group, "读书会", 42, "小王", "签到", 10);
        await PushOkAsync(account, update);
        await PushOkAsync(account, update);
        await PushOkAsync(account, update);

        (await SentAsync(Group, 1)).Single().ShouldContain("今天第 1 位");
        await Task.Delay(1500);
        Fake.CallsTo("sendMessage").Count().ShouldBe(1);
        await using var db = Server.CreateDbContext();
        (await db.CheckIns.CountAsync()).ShouldBe(1);
        (await db.Inbox.CountAsync(e => e.AccountId == account && e.PlatformEventId == update["update_id"]!.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task BotAddedToGroup_CreatesTheCommunityWithTheGroupTitle()
    {
        var account = await CreateBotAsync();
        var community = await AddBotAsync(account, Group, "周末读书会");

        var detail = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{community}");
        detail.GetProperty("name").GetString().ShouldBe("周末读书会");
        detail.GetProperty("platform").GetString().ShouldBe("telegram");
        detail.GetProperty("externalId").GetString().ShouldBe(Group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var accountView = await Http.GetFromJsonAsync<JsonElement>($"/api/v1/platform-accounts/{account}");
        accountView.GetProperty("lastEventAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Join_ReportedAsChatMemberAndAsNewChatMembers_GreetedExactlyOnce()
    {
        var account = await CreateBotAsync();
        await AddBotAsync(account, Group);
        // One person in each order: chat_member first, and the service message first.
        await PushOkAsync(account, Updates.ChatMember(Updates.NextId(), Group, "读书会", 51, "小王", "left", "member"));
        await PushOkAsync(account, Updates.NewChatMembers(Updates.NextId(), Group, "读书会", (51, "小王")));
        await PushOkAsync(account, Updates.NewChatMembers(Updates.NextId(), Group, "读书会", (52, "小李")));
        await PushOkAsync(account, Updates.ChatMember(Updates.NextId(), Group, "读书会", 52, "小李", "left", "member"));

        var welcome = (await SentAsync(Group, 1)).Single();
        welcome.ShouldContain("小王");
        welcome.ShouldContain("小李");
        await Task.Delay(4500);   // past the 3-second welcome window: no second greeting
        var all = Fake.CallsTo("sendMessage").Select(c => c.Get("text")!).ToList();
        all.Count.ShouldBe(1, string.Join(" | ", all));
        await using var db = Server.CreateDbContext();
        (await db.Memberships.CountAsync(m => m.LeftAt == null)).ShouldBe(2);
        (await db.Memberships.SumAsync(m => m.JoinCount)).ShouldBe(2);
    }

    [Fact]
    public async Task NewChatMembers_ThreeAtOnce_AllBecomeMembers_BotItselfIsNot()
    {
        var account = await CreateBotAsync();
        await AddBotAsync(account, Group);
        await PushOkAsync(account, Updates.NewChatMembers(Updates.NextId(), Group, "读书会", (61, "甲"), (62, "乙"), (63, "丙")));

        var welcome = (await SentAsync(Group, 1)).Single();
        foreach (var name in new[] { "甲", "乙", "丙" }) welcome.ShouldContain(name);
        await using var db = Server.CreateDbContext();
        (await db.Memberships.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task JoinRequest_FromSomeoneNotBlacklisted_IsApproved()
    {
        var account = await CreateBotAsync();
        await AddBotAsync(account, Group);
        await PushOkAsync(account, Updates.JoinRequest(Updates.NextId(), Group, "读书会", 71, "申请人"));

        var approve = (await CallsAsync("approveChatJoinRequest", 1)).Single();
        approve.Chat.ShouldBe(Group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        approve.Get("user_id").ShouldBe("71");
    }

    [Fact]
    public async Task Webhook_AdminJoining_IsFlaggedAsAdmin()
    {
        var account = await CreateBotAsync();
        var community = await AddBotAsync(account, Group);
        await PushOkAsync(account, Updates.ChatMember(Updates.NextId(), Group, "读书会", 81, "管理员", "left", "administrator"));

        var members = await Eventually.UntilAsync(() => Http.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{community}/members"),
            m => m.GetProperty("items").GetArrayLength() == 1);
        members.GetProperty("items")[0].GetProperty("role").GetString().ShouldBe("admin");
    }
}
