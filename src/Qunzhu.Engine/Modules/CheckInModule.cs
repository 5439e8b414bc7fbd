using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Events;
using Qunzhu.Core.Points;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Modules;

/// <summary>签到/打卡: once per member per local day per group, with streak, total, today's rank and
/// points written to the ledger under a unique key.</summary>
public sealed class CheckInModule : IEngineModule
{
    public string Name => "check-in";

    /// <summary>For every check-in of the batch, the member's last check-in in that group, their points balance and
    /// how many checked in that day: three queries a batch instead of three a check-in.</summary>
    public async ValueTask PrepareAsync(EngineBatch batch, CancellationToken cancellationToken)
    {
        var wanted = batch.Items.Where(i => i.Event is MessagePosted posted && i.Settings.CheckIn.Enabled
                                            && CheckInCalculator.IsCheckIn(i.Settings.CheckIn, posted.Text))
            .Select(i => new Wanted(i.Community.WorkspaceId, i.Community.Id, i.MemberId, i.LocalDay, i.NewMember)).ToList();
        if (wanted.Count > 0) await LoadAsync(batch.Db, batch.State<BatchState>(), wanted, cancellationToken);
    }

    /// <summary>The stored state of these check-ins as of the batch's start: last check-in per member and group,
    /// balance per member, check-ins per group and day. Three queries however many check-ins (members the batch met
    /// for the first time have neither check-ins nor points yet: they are not asked for). Each is a few index seeks per
    /// member or group, whatever their history: asked for by members and groups at once, SQLite probed the (group,
    /// member, day) index for every pair of the two lists and read each member's every check-in, and counting a day's
    /// check-ins read every one of them (the engine's check-in reads grew with the day and with the members' history).</summary>
    private static async Task LoadAsync(AppDbContext db, BatchState state, IReadOnlyList<Wanted> wanted, CancellationToken ct)
    {
        var communities = wanted.Select(w => w.Community).Distinct().ToList();
        foreach (var w in wanted)
        {
            state.Last[(w.Community, w.Member)] = null;
            state.Balance[(w.Workspace, w.Member)] = 0;
        }
        var stored = wanted.Where(w => !w.NewMember).ToList();
        var members = stored.Select(w => w.Member).Distinct().ToList();
        var workspaces = stored.Select(w => w.Workspace).Distinct().ToList();
        if (members.Count > 0)
        {
            // A member checks in where they are a member: their memberships (by workspace and member) each seek their
            // group's latest check-in, the last entry of the unique (group, member, day) index.
            var latestIds = db.Memberships
                .Where(m => workspaces.Contains(m.WorkspaceId) && members.Contains(m.MemberId))
                .Select(m => db.CheckIns.Where(c => c.CommunityId == m.CommunityId && c.MemberId == m.MemberId)
                    .OrderByDescending(c => c.LocalDate).Select(c => (Guid?)c.Id).FirstOrDefault());
            var latest = await db.CheckIns.AsNoTracking().Where(c => latestIds.Contains(c.Id)).ToListAsync(ct);
            foreach (var c in latest)
            {
                if (state.Last.ContainsKey((c.CommunityId, c.MemberId))) state.Last[(c.CommunityId, c.MemberId)] = c;
            }
        }

        foreach (var workspace in stored.GroupBy(w => w.Workspace))
        {
            var ids = workspace.Select(w => w.Member).Distinct().ToList();
            var sums = await db.PointsLedger.AsNoTracking().Where(p => p.WorkspaceId == workspace.Key && ids.Contains(p.MemberId))
                .GroupBy(p => p.MemberId).Select(g => new { Member = g.Key, Sum = g.Sum(p => p.Amount) })
                .ToListAsync(ct);
            foreach (var sum in sums) state.Balance[(workspace.Key, sum.Member)] = sum.Sum;
        }

        // Ranks of a day are 1, 2, 3 … in the order of the check-ins and none is ever deleted: the day's highest rank is how
        // many checked in, one seek to the end of the (group, day, rank) index instead of a count of them all.
        foreach (var day in wanted.Select(w => w.Day).Distinct())
        {
            var counts = await db.Communities.AsNoTracking().Where(c => communities.Contains(c.Id))
                .Select(c => new { Community = c.Id, Count = db.CheckIns.Where(x => x.CommunityId == c.Id && x.LocalDate == day).Max(x => (int?)x.Rank) })
                .ToListAsync(ct);
            foreach (var id in communities) state.Count[(id, day)] = 0;
            foreach (var count in counts) state.Count[(count.Community, day)] = count.Count ?? 0;
        }
    }

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
        // What PrepareAsync read for the batch; a member the batch itself created was not there to read, so is read now.
        var state = context.Batch?.State<BatchState>() ?? new BatchState();
        var wanted = new Wanted(workspaceId, communityId, memberId, today, NewMember: false);
        if (!state.Has(wanted)) await LoadAsync(db, state, [wanted], cancellationToken);
        var added = context.Local<CheckIn>().Where(c => c.CommunityId == communityId).ToList();
        var last = added.Where(c => c.MemberId == memberId).MaxBy(c => c.LocalDate) ?? state.Last[(communityId, memberId)];
        var balance = state.Balance[(workspaceId, memberId)] + context.Local<PointsEntry>().Where(p => p.MemberId == memberId).Sum(p => p.Amount);

        if (last is not null && last.LocalDate >= today)
        {
            context.Reply(context.Text(settings.AlreadyText, "CheckIn_Already", Values(last, balance)));
            return;
        }

        var streak = CheckInCalculator.NextStreak(last?.LocalDate, last?.Streak ?? 0, today);
        var rank = state.Count[(communityId, today)] + added.Count(c => c.LocalDate == today) + 1;
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

    private sealed record Wanted(Guid Workspace, Guid Community, Guid Member, DateOnly Day, bool NewMember);

    private sealed class BatchState
    {
        public bool Has(Wanted w) => Last.ContainsKey((w.Community, w.Member)) && Balance.ContainsKey((w.Workspace, w.Member))
                                     && Count.ContainsKey((w.Community, w.Day));

        public Dictionary<(Guid Community, Guid Member), CheckIn?> Last { get; } = [];
        public Dictionary<(Guid Workspace, Guid Member), int> Balance { get; } = [];
        public Dictionary<(Guid Community, DateOnly Day), int> Count { get; } = [];
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
