using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Sops;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Sops;

/// SOPs as the API shows them, with how many targets each runs for.
public static class SopReads
{
    public static async Task<List<SopResponse>> ToResponsesAsync(AppDbContext db, IReadOnlyList<Sop> sops, string timeZone, CancellationToken ct)
    {
        var ids = sops.Select(s => s.Id).ToList();
        var counts = await db.SopEnrollments.Where(e => ids.Contains(e.SopId)).GroupBy(e => new { e.SopId, e.Status })
            .Select(g => new { g.Key.SopId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        return [.. sops.Select(s =>
        {
            int Count(SopEnrollmentStatus status) => counts.Where(c => c.SopId == s.Id && c.Status == status).Sum(c => c.Count);
            return new SopResponse(s.Id, s.Name, s.Description, s.Kind, s.Steps, s.Trigger, s.Scope, s.AutoApplyTypes, s.ExitWhenLeft, s.ExitTags,
                s.QuietHours is { } q ? new QuietHoursRequest(Hm(q.From), Hm(q.To)) : null, s.LateToleranceMinutes, s.Enabled, s.BuiltIn, timeZone,
                new SopCounts(Count(SopEnrollmentStatus.Active), Count(SopEnrollmentStatus.Completed), Count(SopEnrollmentStatus.Exited),
                    Count(SopEnrollmentStatus.Cancelled)),
                s.CreatedAt, s.UpdatedAt);
        })];
    }

    private static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
