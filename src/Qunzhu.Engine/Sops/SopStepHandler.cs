using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Sops;
using Qunzhu.Core.Text;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Scheduling;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Sops;

/// <summary>A step came due: check that the SOP still runs for the target and no exit condition holds, do the
/// step (its outbox row or staff task keyed by the execution), and settle the row as done on time, late,
/// skipped or failed. All in the scheduler's transaction: a crash redoes it, a re-run finds it settled.</summary>
public sealed class SopStepHandler(ConfigCache config, SopStepRunner runner, TimeProvider time) : IJobHandler
{
    public string Kind => SopJobs.StepKind;

    public async Task RunAsync(AppDbContext db, Core.Pipeline.ScheduledJob job, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var id = Guid.ParseExact(job.Payload ?? "", "N");
        var execution = await db.SopExecutions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (execution is null || execution.Status != SopExecutionStatus.Scheduled) return;
        var enrollment = await db.SopEnrollments.SingleAsync(e => e.Id == execution.EnrollmentId, ct);
        var sop = await db.Sops.AsNoTracking().FirstOrDefaultAsync(s => s.Id == execution.SopId, ct);
        var cfg = await config.GetAsync(execution.WorkspaceId, ct);
        var locale = cfg.Workspace.Locale;
        var now = time.GetUtcNow().UtcDateTime;

        string? skip = null;
        if (enrollment.Status != SopEnrollmentStatus.Active)
            skip = enrollment.ExitReason ?? BotText.Format("Sop_Skipped_Stopped", locale, new Dictionary<string, string> { ["status"] = enrollment.Status.ToString() });
        else if (sop is null || !sop.Enabled) skip = BotText.Get("Sop_Skipped_Disabled", locale);
        var step = sop?.Steps.FirstOrDefault(s => s.Id == execution.StepId);
        if (skip is null && step is null) skip = BotText.Get("Sop_Skipped_StepRemoved", locale);
        if (skip is not null)
        {
            Settle(execution, SopExecutionStatus.Skipped, skip, now);
            await CompleteIfDoneAsync(db, enrollment, now, ct);
            return;
        }

        if (await ExitReasonAsync(db, sop!, execution, locale, ct) is { } exit)
        {
            Settle(execution, SopExecutionStatus.Skipped, exit, now);
            await SopEnroller.ExitAsync(db, enrollment, exit, now, ct);
            return;
        }

        var outcome = await runner.RunAsync(db, sop!, step!, execution, cfg, now, ct);
        if (outcome.Failed) Settle(execution, SopExecutionStatus.Failed, outcome.Note, now);
        else Settle(execution, SopSchedule.Outcome(execution.DueAt, now, sop!.LateToleranceMinutes), outcome.Note, now);
        await CompleteIfDoneAsync(db, enrollment, now, ct);
    }

    private static void Settle(SopExecution execution, SopExecutionStatus status, string? reason, DateTime now) =>
        (execution.Status, execution.Reason, execution.ExecutedAt) = (status, reason, now);

    /// <summary>Member left (for SOPs that stop then) or an exit tag present on the member / group.</summary>
    private static async Task<string?> ExitReasonAsync(AppDbContext db, Sop sop, SopExecution execution, string locale, CancellationToken ct)
    {
        if (execution.MemberId is { } memberId && sop.ExitWhenLeft
            && await db.Memberships.AnyAsync(m => m.CommunityId == execution.CommunityId && m.MemberId == memberId && m.LeftAt != null, ct))
            return BotText.Get("Sop_Skipped_Left", locale);
        if (sop.ExitTags.Count == 0) return null;
        var exitTags = sop.ExitTags.ToList();
        var present = execution.MemberId is { } member
            ? await db.MemberTags.Where(t => t.MemberId == member && exitTags.Contains(t.Tag)).Select(t => t.Tag).FirstOrDefaultAsync(ct)
            : await db.CommunityTags.Where(t => t.CommunityId == execution.CommunityId && exitTags.Contains(t.Tag)).Select(t => t.Tag).FirstOrDefaultAsync(ct);
        return present is null ? null : BotText.Format("Sop_Skipped_Tag", locale, new Dictionary<string, string> { ["tag"] = present });
    }

    private static async Task CompleteIfDoneAsync(AppDbContext db, SopEnrollment enrollment, DateTime now, CancellationToken ct)
    {
        if (enrollment.Status != SopEnrollmentStatus.Active) return;
        // Executions settled in this transaction are not saved yet: excluded by id.
        var settled = db.SopExecutions.Local.Where(l => l.Status != SopExecutionStatus.Scheduled).Select(l => l.Id).ToList();
        var open = await db.SopExecutions.AnyAsync(x => x.EnrollmentId == enrollment.Id && x.Status == SopExecutionStatus.Scheduled
            && !settled.Contains(x.Id), ct);
        if (!open) (enrollment.Status, enrollment.EndedAt) = (SopEnrollmentStatus.Completed, now);
    }
}
