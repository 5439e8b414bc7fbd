using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Sops;
using Qunzhu.Engine.Caching;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Sops;

/// <summary>Starts an SOP for a target: the enrollment, one execution row per step (per weekly occurrence)
/// with its due time, and a scheduler job per row, all added to the caller's context so they commit with
/// whatever caused them (a join, a new group, an API call). The enrollment's key makes a second start for
/// the same cause a no-op.</summary>
public sealed class SopEnroller(ConfigCache config)
{
    /// <returns>The new enrollment, or null when one with this key exists already.</returns>
    public async Task<SopEnrollment?> EnrollAsync(AppDbContext db, Sop sop, Guid communityId, Guid? memberId, string key, DateTime anchorAt,
        DateTime now, CancellationToken ct)
    {
        if (db.SopEnrollments.Local.Any(e => e.WorkspaceId == sop.WorkspaceId && e.Key == key)
            || await db.SopEnrollments.AnyAsync(e => e.WorkspaceId == sop.WorkspaceId && e.Key == key, ct))
            return null;
        var zone = (await config.GetAsync(sop.WorkspaceId, ct)).Zone;
        var enrollment = new SopEnrollment
        {
            WorkspaceId = sop.WorkspaceId,
            SopId = sop.Id,
            CommunityId = communityId,
            MemberId = memberId,
            Key = key,
            AnchorAt = anchorAt,
            CreatedAt = now,
        };
        db.SopEnrollments.Add(enrollment);
        for (var i = 0; i < sop.Steps.Count; i++)
        {
            var step = sop.Steps[i];
            var occurrences = SopSchedule.Occurrences(step, anchorAt, zone);
            for (var n = 0; n < occurrences.Count; n++)
            {
                var execution = new SopExecution
                {
                    WorkspaceId = sop.WorkspaceId,
                    SopId = sop.Id,
                    EnrollmentId = enrollment.Id,
                    StepId = step.Id,
                    StepNumber = i + 1,
                    Occurrence = n,
                    CommunityId = communityId,
                    MemberId = memberId,
                    Key = "",
                    DueAt = SopSchedule.DueAt(occurrences[n], sop.QuietHours, zone),
                    CreatedAt = now,
                };
                execution.Key = SopExecution.KeyFor(execution.Id);
                db.SopExecutions.Add(execution);
                db.ScheduledJobs.Add(SopJobs.Step(execution, now));
            }
        }
        if (sop.Steps.Count == 0) (enrollment.Status, enrollment.EndedAt) = (SopEnrollmentStatus.Completed, now);
        return enrollment;
    }

    /// <summary>A new group: every enabled group SOP that applies to its type starts for it, anchored now (when
    /// Qunzhu learned of the group: a platform group found years after it was made does not get every step at once).</summary>
    /// <returns>Whether a job was scheduled.</returns>
    public async Task<bool> OnCommunityCreatedAsync(AppDbContext db, Community community, DateTime now, CancellationToken ct)
    {
        var sops = await db.Sops.AsNoTracking()
            .Where(s => s.WorkspaceId == community.WorkspaceId && s.Kind == SopKind.Group && s.Enabled).ToListAsync(ct);
        var any = false;
        foreach (var sop in sops.Where(s => s.AutoApplyTypes.Contains(community.Type)))
            any |= await EnrollAsync(db, sop, community.Id, null, GroupKey(sop.Id, community.Id, 0), now, now, ct) is not null;
        return any;
    }

    /// <summary>A (re)join: member SOPs triggered by joining, in scope and through the right channel, start for the member.</summary>
    public async Task<bool> OnMemberJoinedAsync(AppDbContext db, Community community, Membership membership, DateTime now, CancellationToken ct)
    {
        var sops = await MemberSopsAsync(db, community.WorkspaceId, ct);
        var any = false;
        foreach (var sop in sops.Where(s => s.Trigger is { On: SopTriggerKind.Joined } t
                     && (t.InviteCode is null || string.Equals(t.InviteCode, membership.InviteCode, StringComparison.Ordinal))))
        {
            if (!await InScopeAsync(db, sop, community, ct)) continue;
            var key = $"join:{sop.Id:N}:{membership.Id:N}:{membership.JoinCount}";
            any |= await EnrollAsync(db, sop, community.Id, membership.MemberId, key, membership.JoinedAt, now, ct) is not null;
        }
        return any;
    }

    /// <summary>A member left: their running member SOPs in that group that stop on leaving end now.</summary>
    public static async Task OnMemberLeftAsync(AppDbContext db, Community community, Guid memberId, string locale, DateTime now, CancellationToken ct)
    {
        var running = await db.SopEnrollments
            .Where(e => e.CommunityId == community.Id && e.MemberId == memberId && e.Status == SopEnrollmentStatus.Active)
            .Join(db.Sops.Where(s => s.ExitWhenLeft), e => e.SopId, s => s.Id, (e, s) => e).ToListAsync(ct);
        foreach (var enrollment in running)
            await ExitAsync(db, enrollment, Core.Text.BotText.Get("Sop_Skipped_Left", locale), now, ct);
    }

    /// <summary>Tags were added to a member: SOPs they exit stop, SOPs they trigger start (in the member's
    /// latest group in scope).</summary>
    public async Task<bool> OnMemberTaggedAsync(AppDbContext db, Guid workspaceId, Guid memberId, IReadOnlyCollection<MemberTag> added, string locale,
        DateTime now, CancellationToken ct)
    {
        var sops = await MemberSopsAsync(db, workspaceId, ct);
        var exiting = sops.Where(s => s.ExitTags.Any(t => added.Any(a => a.Tag == t))).Select(s => s.Id).ToList();
        if (exiting.Count > 0)
        {
            foreach (var enrollment in await db.SopEnrollments.Where(e => e.MemberId == memberId && exiting.Contains(e.SopId)
                         && e.Status == SopEnrollmentStatus.Active).ToListAsync(ct))
            {
                var tag = sops.First(s => s.Id == enrollment.SopId).ExitTags.First(t => added.Any(a => a.Tag == t));
                await ExitAsync(db, enrollment, Core.Text.BotText.Format("Sop_Skipped_Tag", locale, new Dictionary<string, string> { ["tag"] = tag }), now, ct);
            }
        }
        var any = false;
        foreach (var sop in sops.Where(s => s.Trigger is { On: SopTriggerKind.Tagged } t && added.Any(a => a.Tag == t.Tag)))
        {
            var tagRow = added.First(a => a.Tag == sop.Trigger!.Tag);
            var groups = await db.Memberships.Where(m => m.MemberId == memberId && m.LeftAt == null)
                .Join(db.Communities, m => m.CommunityId, c => c.Id, (m, c) => new { m.JoinedAt, Community = c })
                .OrderByDescending(x => x.JoinedAt).Select(x => x.Community).ToListAsync(ct);
            foreach (var community in groups)
            {
                if (!await InScopeAsync(db, sop, community, ct)) continue;
                any |= await EnrollAsync(db, sop, community.Id, memberId, $"tag:{sop.Id:N}:{tagRow.Id:N}", now, now, ct) is not null;
                break;
            }
        }
        return any;
    }

    /// <summary>Ends an enrollment early: every step still scheduled is skipped with the reason.</summary>
    public static async Task ExitAsync(AppDbContext db, SopEnrollment enrollment, string reason, DateTime now, CancellationToken ct)
    {
        (enrollment.Status, enrollment.ExitReason, enrollment.EndedAt) = (SopEnrollmentStatus.Exited, reason, now);
        await SkipScheduledAsync(db, enrollment.Id, reason, now, ct);
    }

    public static async Task SkipScheduledAsync(AppDbContext db, Guid enrollmentId, string reason, DateTime now, CancellationToken ct)
    {
        var open = db.SopExecutions.Local.Where(x => x.EnrollmentId == enrollmentId && x.Status == SopExecutionStatus.Scheduled).ToList();
        open.AddRange(await db.SopExecutions.Where(x => x.EnrollmentId == enrollmentId && x.Status == SopExecutionStatus.Scheduled).ToListAsync(ct));
        foreach (var execution in open.Distinct().Where(x => x.Status == SopExecutionStatus.Scheduled))
            (execution.Status, execution.Reason, execution.ExecutedAt) = (SopExecutionStatus.Skipped, reason, now);
    }

    /// <param name="number">How many times the SOP ran for the group before (0 for the first).</param>
    public static string GroupKey(Guid sopId, Guid communityId, int number) => $"group:{sopId:N}:{communityId:N}:{number}";

    private static Task<List<Sop>> MemberSopsAsync(AppDbContext db, Guid workspaceId, CancellationToken ct) =>
        db.Sops.AsNoTracking().Where(s => s.WorkspaceId == workspaceId && s.Kind == SopKind.Member && s.Enabled).ToListAsync(ct);

    private static async Task<bool> InScopeAsync(AppDbContext db, Sop sop, Community community, CancellationToken ct)
    {
        var scope = sop.Scope;
        if (scope.IsEmpty || scope.CommunityIds.Contains(community.Id) || scope.CommunityTypes.Contains(community.Type)) return true;
        if (scope.Tags.Count == 0) return false;
        var tags = scope.Tags.ToList();
        return await db.CommunityTags.AnyAsync(t => t.CommunityId == community.Id && tags.Contains(t.Tag), ct);
    }
}
