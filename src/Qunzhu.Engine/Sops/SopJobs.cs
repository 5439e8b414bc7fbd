using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Sops;

namespace Qunzhu.Engine.Sops;

/// <summary>The scheduler row behind each execution row: one job per step per target, keyed by the
/// execution, so the step runs once however often it is scheduled or re-run.</summary>
public static class SopJobs
{
    public const string StepKind = "sop-step";

    public static ScheduledJob Step(SopExecution execution, DateTime now) => new()
    {
        WorkspaceId = execution.WorkspaceId,
        CommunityId = execution.CommunityId,
        Key = execution.Key,
        Kind = StepKind,
        DueAt = execution.DueAt,
        Payload = execution.Id.ToString("N"),
        CreatedAt = now,
    };
}
