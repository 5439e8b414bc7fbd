using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Calendar;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Server.Apis;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Broadcasts;
using Qunzhu.Storage;

namespace Qunzhu.Server.Calendar;

/// Matrices as the API shows them: cells with their broadcast's status, and how many groups they reach.
public static class CalendarReads
{
    public static async Task<List<CalendarMatrixResponse>> ToResponsesAsync(AppDbContext db, ClaimsPrincipal user, IReadOnlyList<CalendarMatrix> matrices,
        string zone, CancellationToken ct)
    {
        var ids = matrices.Select(m => m.Id).ToList();
        var cells = await db.CalendarCells.AsNoTracking().Where(c => ids.Contains(c.MatrixId)).ToListAsync(ct);
        var broadcastIds = cells.Select(c => c.BroadcastId).ToList();
        var broadcasts = await db.Broadcasts.AsNoTracking().Where(b => broadcastIds.Contains(b.Id)).ToListAsync(ct);
        var statuses = (await BroadcastReads.ToResponsesAsync(db, broadcasts, zone, ct)).ToDictionary(b => b.Id);
        var contentIds = cells.Select(c => c.ContentId).OfType<Guid>().Distinct().ToList();
        var titles = await db.ContentItems.AsNoTracking().Where(c => contentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var templateIds = matrices.Select(m => m.TemplateId).OfType<Guid>().Distinct().ToList();
        var templates = await db.Templates.AsNoTracking().Where(t => templateIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var visible = db.VisibleCommunityIds(user);
        var result = new List<CalendarMatrixResponse>();
        foreach (var m in matrices)
        {
            var targets = await BroadcastTargeting.Query(db, m.WorkspaceId, m.ToTargets()).Where(c => visible.Contains(c.Id)).CountAsync(ct);
            var own = cells.Where(c => c.MatrixId == m.Id).OrderBy(c => ((int)c.Weekday + 6) % 7).ThenBy(c => c.Time).Select(c =>
            {
                var b = statuses.GetValueOrDefault(c.BroadcastId);
                return new CalendarCellResponse(c.Id, CalendarInput.NameOf(c.Weekday), CalendarInput.Format(c.Time), c.Theme, c.ContentId,
                    c.ContentId is { } cid ? titles.GetValueOrDefault(cid) : null, c.Text, c.BroadcastId, b?.Status ?? BroadcastStatus.Cancelled, b?.NextRunAt);
            }).ToList();
            var type = m.CommunityType is { } t ? CommunityTypes.Names.ElementAt((int)t) : null;
            result.Add(new CalendarMatrixResponse(m.Id, m.Name, m.TemplateId, m.TemplateId is { } tid ? templates.GetValueOrDefault(tid) : null, type,
                [.. m.Slots.Order().Select(CalendarInput.Format)], CalendarInput.ToRequest(m.QuietHours), targets, own, m.CreatedAt, m.UpdatedAt));
        }
        return result;
    }
}
