using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Polls;
using Qunzhu.Testing;
using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// poll_answer updates become each person's current answer to the poll, for quizzes to read.
public sealed class TelegramPollAnswerTests : TelegramTest
{
    [Fact]
    public async Task PollAnswer_VotedChangedAndReplayed_OneRowWithTheLatestVote()
    {
        var account = await CreateBotAsync();
        Fake.WebhookUrl.ShouldNotBeNull();
        var first = Updates.PollAnswer(Updates.NextId(), "5001", 91, "小王", 1);
        await PushOkAsync(account, first);
        (await AnswerAsync("5001", "91", a => a.OptionIds.SequenceEqual([1]))).UserName.ShouldBe("小王");

        await PushOkAsync(account, Updates.PollAnswer(Updates.NextId(), "5001", 91, "小王", 0, 2));
        await AnswerAsync("5001", "91", a => a.OptionIds.SequenceEqual([0, 2]));

        // Telegram redelivers the first update: the inbox knows its update_id, the answer stays the latest one.
        await PushOkAsync(account, first);
        await PushOkAsync(account, Updates.PollAnswer(Updates.NextId(), "5001", 92, "小李", 0));
        await AnswerAsync("5001", "92", a => a.OptionIds.SequenceEqual([0]));
        await using var db = Server.CreateDbContext();
        var rows = await db.PollAnswers.AsNoTracking().Where(a => a.AccountId == account).OrderBy(a => a.UserId).ToListAsync();
        rows.Count.ShouldBe(2);
        rows[0].OptionIds.ShouldBe([0, 2]);
        (await db.Inbox.CountAsync(e => e.AccountId == account && e.PlatformEventId == first["update_id"]!.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task PollAnswer_Retracted_OptionsEmpty()
    {
        var account = await CreateBotAsync();
        await PushOkAsync(account, Updates.PollAnswer(Updates.NextId(), "5002", 93, "小赵", 3));
        await AnswerAsync("5002", "93", a => a.OptionIds.Count == 1);
        await PushOkAsync(account, Updates.PollAnswer(Updates.NextId(), "5002", 93, "小赵"));
        await AnswerAsync("5002", "93", a => a.OptionIds.Count == 0);
    }

    private async Task<PollAnswer> AnswerAsync(string pollId, string userId, Func<PollAnswer, bool> done)
    {
        var answer = await Eventually.UntilAsync(async () =>
        {
            await using var db = Server.CreateDbContext();
            return await db.PollAnswers.AsNoTracking().FirstOrDefaultAsync(a => a.PollId == pollId && a.UserId == userId);
        }, a => a is not null && done(a), what: $"poll {pollId} answer of {userId}");
        return answer!;
    }
}
