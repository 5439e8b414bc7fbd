using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Events;
using Qunzhu.Core.Points;
using Qunzhu.Engine.Processing;

namespace Qunzhu.Engine.Modules;

/// <summary>签到/打卡: once per member per local day per group, with streak, total, today's rank and
/// points written to the ledger under a unique key.</summary>
public sealed class CheckInModule : IEngineModule
{
    public string Name => "check-in";

    public async ValueTask HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings.CheckIn;
        if (context.Event is not MessagePosted posted || !settings.Enabled || !CheckInCalculator.IsCheckIn(settings, posted.Text)) return;

        var db = context.Db;
        var communityId = context.Community.Id;
        var memberId = context.Member.Id;
        var today = context.LocalDay;
        // The database as of the batch's start, plus what earlier events of this batch added.
        var workspaceId = context.Community.WorkspaceId;
        var added = db.CheckIns.Local.Where(c => c.CommunityId == communityId).ToList();
        var last = added.Where(c => c.MemberId == memberId).MaxBy(c => c.LocalDate)
            ?? await db.CheckIns.AsNoTracking()
                .Where(c => c.CommunityId == communityId && c.MemberId == memberId)
                .OrderByDescending(c => c.LocalDate)
                .FirstOrDefaultAsync(cancellationToken);
        var balance = await db.PointsLedger.AsNoTracking().Where(p => p.WorkspaceId == workspaceId && p.MemberId == memberId)
            .SumAsync(p => p.Amount, cancellationToken)
            + db.PointsLedger.Local.Where(p => p.MemberId == memberId).Sum(p => p.Amount);

        if (last is not null && last.LocalDate >= today)
        {
            context.Reply(context.Text(settings.AlreadyText, "CheckIn_Already", Values(last, balance)));
            return;
        }

        var streak = CheckInCalculator.NextStreak(last?.LocalDate, last?.Streak ?? 0, today);
        var rank = await db.CheckIns.AsNoTracking().CountAsync(c => c.CommunityId == communityId && c.LocalDate == today, cancellationToken)
            + added.Count(c => c.LocalDate == today) + 1;
        var checkIn = new CheckIn
        {
            WorkspaceId = context.Community.WorkspaceId,
            CommunityId = communityId,
            MemberId = memberId,
            LocalDate = today,
            At = context.At,
            Streak = streak,
            Total = (last?.Total ?? 0) + 1,
            Rank = rank,
            Points = CheckInCalculator.Points(settings, streak),
        };
        db.CheckIns.Add(checkIn);
        db.PointsLedger.Add(new PointsEntry
        {
            WorkspaceId = context.Community.WorkspaceId,
            MemberId = memberId,
            CommunityId = communityId,
            Key = $"checkin:{communityId:N}:{memberId:N}:{today:yyyy-MM-dd}",
            Amount = checkIn.Points,
            Reason = "check-in",
            At = context.At,
        });
        context.Reply(context.Text(settings.SuccessText, "CheckIn_Success", Values(checkIn, balance + checkIn.Points)));
    }

    private static Dictionary<string, string> Values(CheckIn c, int balance) => new()
    {
        ["rank"] = c.Rank.ToString(CultureInfo.InvariantCulture),
        ["streak"] = c.Streak.ToString(CultureInfo.InvariantCulture),
        ["total"] = c.Total.ToString(CultureInfo.InvariantCulture),
        ["points"] = c.Points.ToString(CultureInfo.InvariantCulture),
        ["balance"] = balance.ToString(CultureInfo.InvariantCulture),
    };
}
