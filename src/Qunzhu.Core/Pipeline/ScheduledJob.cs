namespace Qunzhu.Core.Pipeline;

/// <summary>A durable due-time row: the scheduler claims due rows and runs them; a restart resumes them.</summary>
public sealed class ScheduledJob
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    /// <summary>Unique: what the job is for, e.g. "welcome:{communityId}:{n}".</summary>
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public Guid? CommunityId { get; set; }
    public DateTime DueAt { get; set; }
    public string? Payload { get; set; }
    public ScheduledJobStatus Status { get; set; } = ScheduledJobStatus.Pending;
    public int Attempts { get; set; }
    /// <summary>Bumped on every change; guards against two writers.</summary>
    public int Version { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum ScheduledJobStatus
{
    Pending,
    Completed,
    Failed,
}
