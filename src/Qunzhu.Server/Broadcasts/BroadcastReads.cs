using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Broadcasts;

/// Broadcasts and runs as the API shows them: status and progress rolled up from the receipts.
public static class BroadcastReads
{
    public static async Task<List<BroadcastResponse>> ToResponsesAsync(AppDbContext db, IReadOnlyList<Broadcast> items, string zone, CancellationToken ct)
    {
        var ids = items.Select(b => b.Id).ToList();
        var all = await db.BroadcastRuns.AsNoTracking().Where(r => ids.Contains(r.BroadcastId))
            .Select(r => new { r.BroadcastId, r.Id, r.Occurrence }).ToListAsync(ct);
        var latestIds = all.GroupBy(r => r.BroadcastId).Select(g => g.MaxBy(r => r.Occurrence)!.Id).ToList();
        var runs = await RunResponsesAsync(db, await db.BroadcastRuns.AsNoTracking().Where(r => latestIds.Contains(r.Id)).ToListAsync(ct), ct);
        var latest = runs.ToDictionary(r => r.BroadcastId, r => r.Response);
        return [.. items.Select(b =>
        {
            var run = latest.GetValueOrDefault(b.Id);
            var status = BroadcastStatuses.Of(b, run?.Status);
            var quiet = b.QuietHours is { } q ? new QuietHoursRequest(q.From.ToString("HH:mm"), q.To.ToString("HH:mm")) : null;
            return new BroadcastResponse(b.Id, b.Name, status, BroadcastStatuses.Describe(status), b.ContentId, b.Text, b.Targets, b.At, b.Cron, quiet, zone,
                b.NextRunAt, run?.Progress ?? BroadcastProgress.None, run, all.Count(r => r.BroadcastId == b.Id), b.Origin, b.CreatedAt);
        })];
    }

    public static async Task<List<(Guid BroadcastId, BroadcastRunResponse Response)>> RunResponsesAsync(AppDbContext db, IReadOnlyList<BroadcastRun> runs, CancellationToken ct)
    {
        var progress = await BroadcastProgress.ForRunsAsync(db, [.. runs.Select(r => r.Id)], ct);
        // A step the scheduler gave up on (after its retries) fails the run, with the scheduler's reason.
        var keys = runs.Select(r => BroadcastJobs.StepKey(r.Id, r.Step)).ToList();
        var failed = await db.ScheduledJobs.AsNoTracking().Where(j => keys.Contains(j.Key) && j.Status == ScheduledJobStatus.Failed)
            .Select(j => new { j.Key, j.LastError }).ToDictionaryAsync(j => j.Key, j => j.LastError, ct);
        return [.. runs.Select(r =>
        {
            var p = progress.GetValueOrDefault(r.Id) ?? BroadcastProgress.None;
            var stepFailed = failed.TryGetValue(BroadcastJobs.StepKey(r.Id, r.Step), out var stepError);
            var status = BroadcastStatuses.OfRun(r, p, stepFailed);
            return (r.BroadcastId, new BroadcastRunResponse(r.Id, r.Occurrence, status, BroadcastStatuses.Describe(status), p,
                r.Error ?? (stepFailed ? $"Planning or sending failed: {stepError}" : null), r.CreatedAt, r.PlannedAt, r.HandedOverAt));
        })];
    }

    /// <summary>A page of a run's per-target rows, each with what its outbox row or staff task says.</summary>
    public static async Task<List<BroadcastDeliveryResponse>> DeliveriesAsync(AppDbContext db, IReadOnlyList<BroadcastDelivery> rows, CancellationToken ct)
    {
        var keys = rows.Select(r => r.Key).ToList();
        var ids = rows.Select(r => r.CommunityId).ToList();
        var outbox = await db.Outbox.AsNoTracking().Where(o => keys.Contains(o.IdempotencyKey))
            .Select(o => new { o.Id, o.IdempotencyKey, o.Status, o.Attempts, o.LastError, o.DeliveredAt }).ToDictionaryAsync(o => o.IdempotencyKey, ct);
        var workspaceIds = rows.Select(r => r.WorkspaceId).Distinct().ToList();
        var tasks = await db.StaffTasks.AsNoTracking().Where(t => workspaceIds.Contains(t.WorkspaceId) && keys.Contains(t.Key))
            .Select(t => new { t.Id, t.Key, t.Status, t.DoneAt }).ToDictionaryAsync(t => t.Key, ct);
        var groups = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Platform }).ToDictionaryAsync(c => c.Id, ct);
        return [.. rows.Select(r =>
        {
            var o = outbox.GetValueOrDefault(r.Key);
            var t = tasks.GetValueOrDefault(r.Key);
            var g = groups.GetValueOrDefault(r.CommunityId);
            var status = r.State switch
            {
                BroadcastDeliveryState.Queued when o?.Status == OutboxStatus.Delivered => "sent",
                BroadcastDeliveryState.Queued when o?.Status == OutboxStatus.DeadLetter => "failed",
                BroadcastDeliveryState.WaitingForStaff when t?.Status == StaffTaskStatus.Done => "sent",
                BroadcastDeliveryState.WaitingForStaff => "waitingForStaff",
                BroadcastDeliveryState.Failed => "failed",
                BroadcastDeliveryState.Cancelled => "cancelled",
                _ => "pending",
            };
            return new BroadcastDeliveryResponse(r.CommunityId, g?.Name ?? "", g?.Platform.ToString().ToLowerInvariant() ?? "", status,
                r.Error ?? (status == "failed" ? o?.LastError : null), o?.Attempts ?? 0, o?.Id, t?.Id, r.HandedOverAt, o?.DeliveredAt ?? t?.DoneAt);
        })];
    }

    /// <summary>The rows of a run whose rolled-up status is <paramref name="status"/>.</summary>
    public static IQueryable<BroadcastDelivery> WhereStatus(AppDbContext db, IQueryable<BroadcastDelivery> q, string status) => status switch
    {
        "sent" => q.Where(d => (d.State == BroadcastDeliveryState.Queued && db.Outbox.Any(o => o.IdempotencyKey == d.Key && o.Status == OutboxStatus.Delivered))
            || (d.State == BroadcastDeliveryState.WaitingForStaff && db.StaffTasks.Any(t => t.WorkspaceId == d.WorkspaceId && t.Key == d.Key && t.Status == StaffTaskStatus.Done))),
        "failed" => q.Where(d => d.State == BroadcastDeliveryState.Failed
            || (d.State == BroadcastDeliveryState.Queued && db.Outbox.Any(o => o.IdempotencyKey == d.Key && o.Status == OutboxStatus.DeadLetter))),
        "pending" => q.Where(d => d.State == BroadcastDeliveryState.Planned
            || (d.State == BroadcastDeliveryState.Queued && db.Outbox.Any(o => o.IdempotencyKey == d.Key && o.Status == OutboxStatus.Pending))),
        "waitingForStaff" => q.Where(d => d.State == BroadcastDeliveryState.WaitingForStaff
            && db.StaffTasks.Any(t => t.WorkspaceId == d.WorkspaceId && t.Key == d.Key && t.Status == StaffTaskStatus.Open)),
        _ => q.Where(d => d.State == BroadcastDeliveryState.Cancelled),
    };
}
