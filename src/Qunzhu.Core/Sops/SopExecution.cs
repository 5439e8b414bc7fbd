namespace Qunzhu.Core.Sops;

/// <summary>One step for one target: written when the target is enrolled (rows before timers), settled when
/// its scheduler job runs. Its <see cref="Key"/> is also the idempotency key of the outbox row or staff task.</summary>
public sealed class SopExecution
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid SopId { get; set; }
    public Guid EnrollmentId { get; set; }
    public Guid StepId { get; set; }
    /// Position of the step when the target was enrolled (1-based), for the report.
    public int StepNumber { get; set; }
    /// Weekly steps: which week (0-based).
    public int Occurrence { get; set; }
    public Guid CommunityId { get; set; }
    public Guid? MemberId { get; set; }
    /// "sop:{execution}".
    public required string Key { get; set; }
    /// When the step is due (after quiet hours), UTC.
    public DateTime DueAt { get; set; }
    public SopExecutionStatus Status { get; set; } = SopExecutionStatus.Scheduled;
    public DateTime? ExecutedAt { get; set; }
    /// Why it was skipped or failed; for a staff hand-over, what staff must do.
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }

    public static string KeyFor(Guid id) => $"sop:{id:N}";
}

public enum SopExecutionStatus
{
    Scheduled,
    DoneOnTime,
    DoneLate,
    Skipped,
    Failed,
}
