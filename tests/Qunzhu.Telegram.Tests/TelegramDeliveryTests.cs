using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// Telegram's limits from the delivery side: retry_after honoured, and a burst spread so Telegram never has to say 429.
public sealed class TelegramDeliveryTests : TelegramTest
{
    private const long GroupA = -1001234567003;
    private const long GroupB = -1001234567004;

    [Fact]
    public async Task Delivery_429WithRetryAfter_WaitsThatLongThenDelivers()
    {
        var account = await CreateBotAsync();
        await AddBotAsync(account, GroupA);
        Fake.Fail("sendMessage", 429, "Too Many Requests: retry after 2", retryAfter: 2);
        await PushOkAsync(account, Updates.Message(Updates.NextId(), GroupA, "读书会", 91, "小王", "签到", 201));

        (await SentAsync(GroupA, 1, TimeSpan.FromSeconds(30))).Single().ShouldContain("今天第 1 位");
        var attempts = Fake.Calls.Where(c => c.Method == "sendMessage").ToList();
        attempts.Count.ShouldBe(2);
        attempts[0].Status.ShouldBe(429);
        (attempts[1].At - attempts[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task Delivery_BurstInTwoGroups_AllDeliveredWithoutOneRateLimitViolation()
    {
        var account = await CreateBotAsync();
        await AddBotAsync(account, GroupA, "一群");
        await AddBotAsync(account, GroupB, "二群");
        // Five check-ins per group at once: ten replies that Telegram allows at one per second per chat.
        for (var i = 0; i < 5; i++)
        {
            await PushOkAsync(account, Updates.Message(Updates.NextId(), GroupA, "一群", 100 + i, $"甲{i}", "签到", 400 + i));
            await PushOkAsync(account, Updates.Message(Updates.NextId(), GroupB, "二群", 200 + i, $"乙{i}", "签到", 500 + i));
        }

        var a = await SentAsync(GroupA, 5, TimeSpan.FromSeconds(40));
        var b = await SentAsync(GroupB, 5, TimeSpan.FromSeconds(40));
        a.Count.ShouldBe(5);
        b.Count.ShouldBe(5);
        Fake.Violations.ShouldBe(0);
        Fake.Calls.ShouldNotContain(c => c.Status == 429);
        // In order within each group: first, second … fifth to check in.
        a.Select(t => t.Contains("今天第 1 位", StringComparison.Ordinal)).First().ShouldBeTrue();
        b.Last().ShouldContain("今天第 5 位");
    }
}
