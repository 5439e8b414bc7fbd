using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Polls;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Polls;

/// <summary>Keeps each person's current answer to a poll. A replayed update never gets here (the inbox is
/// unique on its id); an older answer processed after a newer one does not overwrite it.</summary>
public static class PollAnswers
{
    public static async Task RecordAsync(AppDbContext db, InboxEvent stored, PollAnswered answered, CancellationToken ct)
    {
        // The batch may hold an earlier answer of the same person that is not saved yet.
        var row = db.PollAnswers.Local.FirstOrDefault(a => Matches(a, stored.AccountId, answered))
                  ?? await db.PollAnswers.FirstOrDefaultAsync(a => a.AccountId == stored.AccountId && a.PollId == answered.PollId
                                                                   && a.UserId == answered.User.Id, ct);
        if (row is null)
        {
            db.PollAnswers.Add(new PollAnswer
            {
                WorkspaceId = stored.WorkspaceId,
                AccountId = stored.AccountId,
                PollId = answered.PollId,
                UserId = answered.User.Id,
                UserName = answered.User.Name,
                OptionIds = [.. answered.OptionIds],
                AnsweredAt = answered.At,
                EventId = stored.PlatformEventId,
            });
            return;
        }
        if (answered.At < row.AnsweredAt) return;
        row.OptionIds = [.. answered.OptionIds];
        row.AnsweredAt = answered.At;
        row.UserName = answered.User.Name;
        row.EventId = stored.PlatformEventId;
    }

    private static bool Matches(PollAnswer a, Guid accountId, PollAnswered e) =>
        a.AccountId == accountId && a.PollId == e.PollId && a.UserId == e.User.Id;
}
