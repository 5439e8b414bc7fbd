using System.Globalization;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Pipeline;

namespace Qunzhu.Engine.Broadcasts;

/// <summary>The scheduler rows that drive broadcasts: one per occurrence (creates the run, schedules the
/// next occurrence) and a chain of steps per run (plan a batch, feed the outbox).</summary>
public static class BroadcastJobs
{
    public const string OccurrenceKind = "broadcast-occurrence";
    public const string StepKind = "broadcast-step";

    public static ScheduledJob Occurrence(Broadcast broadcast, DateTime occurrenceUtc, DateTime dueAt, DateTime now) => new()
    {
        WorkspaceId = broadcast.WorkspaceId,
        Key = $"bc-occ:{broadcast.Id:N}:{occurrenceUtc.Ticks}",
        Kind = OccurrenceKind,
        DueAt = dueAt,
        Payload = $"{broadcast.Id:N}:{occurrenceUtc.Ticks.ToString(CultureInfo.InvariantCulture)}",
        CreatedAt = now,
    };

    public static (Guid BroadcastId, DateTime Occurrence) ParseOccurrence(string payload)
    {
        var parts = payload.Split(':');
        return (Guid.ParseExact(parts[0], "N"), new DateTime(long.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeKind.Utc));
    }

    /// <summary>The run's next step; its key names the run and the step number, so each step runs once.</summary>
    public static ScheduledJob Step(BroadcastRun run, DateTime dueAt, DateTime now)
    {
        run.Step++;
        return new ScheduledJob
        {
            WorkspaceId = run.WorkspaceId,
            Key = StepKey(run.Id, run.Step),
            Kind = StepKind,
            DueAt = dueAt,
            Payload = run.Id.ToString("N"),
            CreatedAt = now,
        };
    }

    public static string StepKey(Guid runId, int step) => $"bc-step:{runId:N}:{step.ToString(CultureInfo.InvariantCulture)}";
}
