using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// Long polling for bots without a public URL.
public sealed class TelegramPollingTests : TelegramTest
{
    private const long Group = -1001234567005;

    [Fact]
    public async Task Polling_ReceivesUpdatesThroughGetUpdates_AndConfirmsThemWithTheOffset()
    {
        var account = await CreateBotAsync(mode: "polling");
        // Saving in polling mode removed the webhook: Telegram refuses getUpdates while one is set.
        (await CallsAsync("deleteWebhook", 1)).ShouldHaveSingleItem();
        var added = Updates.NextId();
        Fake.Enqueue(Updates.BotAdded(added, Group, "轮询群"));
        Fake.Enqueue(Updates.Message(Updates.NextId(), Group, "轮询群", 91, "小王", "签到", 201));

        (await SentAsync(Group, 1, TimeSpan.FromSeconds(30))).Single().ShouldContain("今天第 1 位");
        await CommunityAsync(Group);
        var polls = await CallsAsync("getUpdates", 2);
        polls.ShouldContain(p => p.Get("offset") != null && long.Parse(p.Get("offset")!) > added);
        polls[0].Parameters.GetProperty("allowed_updates").EnumerateArray().Select(u => u.GetString())
            .ShouldBe(["message", "chat_member", "my_chat_member", "chat_join_request", "poll_answer"], ignoreOrder: true);
        await using var db = Server.CreateDbContext();
        (await db.Inbox.CountAsync(e => e.AccountId == account)).ShouldBe(2);
    }

    [Fact]
    public async Task Polling_AccountDisabled_StopsPolling()
    {
        var account = await CreateBotAsync(mode: "polling");
        await CallsAsync("getUpdates", 1);
        await JsonAsync(await Http.PostAsync($"/api/v1/platform-accounts/{account}/disable", null), System.Net.HttpStatusCode.OK);
        await Task.Delay(2500);   // the poller notices (0.2 s) and the running long poll (≤ 1 s) ends
        var before = Fake.CallsTo("getUpdates").Count();
        await Task.Delay(2000);
        Fake.CallsTo("getUpdates").Count().ShouldBe(before);
    }
}
