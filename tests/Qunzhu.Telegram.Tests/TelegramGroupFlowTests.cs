using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Pipeline;
using Qunzhu.Testing;
using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// A group operated through Telegram behaves like the sandbox: what members see is what the Bot API was asked to do.
public sealed class TelegramGroupFlowTests : TelegramTest
{
    private const long Group = -1001234567002;
    private const string Chat = "-1001234567002";

    [Fact]
    public async Task Group_ThroughTelegram_WelcomesChecksInAutoRepliesAndModeratesLikeTheSandbox()
    {
        var account = await CreateBotAsync();
        await AddBotAsync(account, Group, "交流群");
        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/auto-replies",
            new { keywords = new[] { "课表" }, match = "contains", reply = "{member} 你好，课表见群公告" }), HttpStatusCode.Created);

        await PushOkAsync(account, Updates.ChatMember(Updates.NextId(), Group, "交流群", 91, "小王", "left", "member"));
        (await SentAsync(Group, 1))[0].ShouldContain("小王");

        await PushOkAsync(account, Updates.Message(Updates.NextId(), Group, "交流群", 91, "小王", "签到", 201));
        (await SentAsync(Group, 2))[1].ShouldContain("今天第 1 位");

        await PushOkAsync(account, Updates.Message(Updates.NextId(), Group, "交流群", 91, "小王", "请问课表在哪", 202));
        (await SentAsync(Group, 3))[2].ShouldBe("小王 你好，课表见群公告");

        await PushOkAsync(account, Updates.Message(Updates.NextId(), Group, "交流群", 99, "广告哥", "福利看这里 http://spam.example.com", 301));
        var deleted = (await CallsAsync("deleteMessage", 1)).Single();
        (deleted.Chat, deleted.Get("message_id")).ShouldBe((Chat, "301"));
        (await SentAsync(Group, 4))[3].ShouldBe("⚠️ 广告哥 发布外部链接，警告 1/3");

        await PushOkAsync(account, Updates.Message(Updates.NextId(), Group, "交流群", 99, "广告哥", "加V信 abc12345 领福利", 302));
        var mute = (await CallsAsync("restrictChatMember", 1)).Single();
        mute.Get("user_id").ShouldBe("99");
        // Telegram reads an omitted permission as false: nothing may be granted.
        mute.Parameters.GetProperty("permissions").EnumerateObject().ShouldNotContain(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.True);
        var until = DateTimeOffset.FromUnixTimeSeconds(mute.Parameters.GetProperty("until_date").GetInt64());
        (until - mute.At).TotalMinutes.ShouldBeInRange(55, 65);

        await PushOkAsync(account, Updates.Message(Updates.NextId(), Group, "交流群", 99, "广告哥", "电话 138 1234 5678", 303));
        (await CallsAsync("banChatMember", 1)).Single().Get("user_id").ShouldBe("99");
        var replies = await SentAsync(Group, 6);
        replies[4].ShouldContain("禁言 60 分钟（2/3）");
        replies[5].ShouldContain("已移出群聊（3/3）");
        Fake.CallsTo("deleteMessage").Select(c => c.Get("message_id")).ShouldBe(["301", "302", "303"], ignoreOrder: true);
        Fake.Violations.ShouldBe(0);
    }

    [Fact]
    public async Task Delivery_403FromTelegram_DeadLetteredWithTheDescriptionShownOnTheAccount()
    {
        var account = await CreateBotAsync();
        await AddBotAsync(account, Group);
        Fake.Fail("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat");
        await PushOkAsync(account, Updates.Message(Updates.NextId(), Group, "读书会", 91, "小王", "签到", 201));

        var action = await Eventually.UntilAsync(async () =>
        {
            await using var db = Server.CreateDbContext();
            return await db.Outbox.AsNoTracking().FirstOrDefaultAsync(o => o.AccountId == account);
        }, o => o?.Status == OutboxStatus.DeadLetter);
        action!.Attempts.ShouldBe(1);
        var view = await Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/platform-accounts/{account}");
        view.GetProperty("recentDeliveryErrors")[0].GetProperty("error").GetString().ShouldBe("403 Forbidden: bot was kicked from the supergroup chat");
    }
}
