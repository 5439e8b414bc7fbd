using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Pipeline;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Broadcasts;

/// <summary>How far a run got, rolled up from the receipts: a queued target is sent when its outbox row was
/// delivered and failed when it was dead-lettered; a staff target is sent when its task is done.</summary>
public sealed record BroadcastProgress(int Total, int Pending, int Sent, int Failed, int WaitingForStaff, int Cancelled)
{
    public static readonly BroadcastProgress None = new(0, 0, 0, 0, 0, 0);

    public static async Task<Dictionary<Guid, BroadcastProgress>> ForRunsAsync(AppDbContext db, IReadOnlyCollection<Guid> runIds, CancellationToken ct)
    {
        var ids = runIds.ToList();
        var states = await db.BroadcastDeliveries.Where(d => ids.Contains(d.RunId))
            .GroupBy(d => new { d.RunId, d.State }).Select(g => new { g.Key.RunId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var outbox = await db.BroadcastDeliveries.Where(d => ids.Contains(d.RunId) && d.State == BroadcastDeliveryState.Queued)
            .Join(db.Outbox, d => d.Key, o => o.IdempotencyKey, (d, o) => new { d.RunId, o.Status })
            .GroupBy(x => new { x.RunId, x.Status }).Select(g => new { g.Key.RunId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var staff = await db.BroadcastDeliveries.Where(d => ids.Contains(d.RunId) && d.State == BroadcastDeliveryState.WaitingForStaff)
            .Join(db.StaffTasks, d => new { d.WorkspaceId, d.Key }, t => new { t.WorkspaceId, t.Key }, (d, t) => new { d.RunId, t.Status })
            .GroupBy(x => new { x.RunId, x.Status }).Select(g => new { g.Key.RunId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);

        var result = new Dictionary<Guid, BroadcastProgress>();
        foreach (var id in ids)
        {
            int State(BroadcastDeliveryState s) => states.Where(x => x.RunId == id && x.State == s).Sum(x => x.Count);
            int Outbox(OutboxStatus s) => outbox.Where(x => x.RunId == id && x.Status == s).Sum(x => x.Count);
            int Staff(StaffTaskStatus s) => staff.Where(x => x.RunId == id && x.Status == s).Sum(x => x.Count);
            var total = states.Where(x => x.RunId == id).Sum(x => x.Count);
            result[id] = new BroadcastProgress(
                total,
                Pending: State(BroadcastDeliveryState.Planned) + Outbox(OutboxStatus.Pending),
                Sent: Outbox(OutboxStatus.Delivered) + Staff(StaffTaskStatus.Done),
                Failed: State(BroadcastDeliveryState.Failed) + Outbox(OutboxStatus.DeadLetter),
                WaitingForStaff: Staff(StaffTaskStatus.Open),
                Cancelled: State(BroadcastDeliveryState.Cancelled));
        }
        return result;
    }
}
