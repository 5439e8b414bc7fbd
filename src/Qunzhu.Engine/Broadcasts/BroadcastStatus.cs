using System.Text.Json.Serialization;
using Qunzhu.Core.Broadcasts;

namespace Qunzhu.Engine.Broadcasts;

/// What an operator sees of a broadcast or a run.
public enum BroadcastStatus
{
    [JsonStringEnumMemberName("scheduled")]
    Scheduled,
    [JsonStringEnumMemberName("sending")]
    Sending,
    /// Everything the bot could send is out; the rest waits for staff to confirm it (WeCom).
    [JsonStringEnumMemberName("waitingForStaff")]
    WaitingForStaff,
    [JsonStringEnumMemberName("paused")]
    Paused,
    [JsonStringEnumMemberName("completed")]
    Completed,
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
    [JsonStringEnumMemberName("failed")]
    Failed,
    /// Stored but not scheduled yet.
    [JsonStringEnumMemberName("draft")]
    Draft,
}

public static class BroadcastStatuses
{
    public static BroadcastStatus OfRun(BroadcastRun run, BroadcastProgress progress, bool stepFailed) => run.State switch
    {
        BroadcastRunState.Cancelled => BroadcastStatus.Cancelled,
        BroadcastRunState.Failed => BroadcastStatus.Failed,
        _ when stepFailed => BroadcastStatus.Failed,
        BroadcastRunState.Planning or BroadcastRunState.Feeding => BroadcastStatus.Sending,
        _ when progress.Pending > 0 => BroadcastStatus.Sending,
        _ when progress.WaitingForStaff > 0 => BroadcastStatus.WaitingForStaff,
        _ when progress.Total > 0 && progress.Failed == progress.Total => BroadcastStatus.Failed,
        _ => BroadcastStatus.Completed,
    };

    /// <summary>A broadcast's status: cancelled and paused as set; otherwise its latest run's while that is
    /// under way; a recurring one with a next occurrence is scheduled; a one-off ends as its run did.</summary>
    public static BroadcastStatus Of(Broadcast broadcast, BroadcastStatus? latestRun)
    {
        if (broadcast.State == BroadcastState.Cancelled) return BroadcastStatus.Cancelled;
        if (broadcast.State == BroadcastState.Paused) return BroadcastStatus.Paused;
        if (broadcast.State == BroadcastState.Draft) return BroadcastStatus.Draft;
        if (latestRun is BroadcastStatus.Sending or BroadcastStatus.WaitingForStaff) return latestRun.Value;
        if (broadcast.NextRunAt is not null || latestRun is null) return BroadcastStatus.Scheduled;
        return latestRun.Value;
    }

    public static string Describe(BroadcastStatus status) => status switch
    {
        BroadcastStatus.Scheduled => "scheduled",
        BroadcastStatus.Sending => "sending",
        BroadcastStatus.WaitingForStaff => "waiting for staff confirmation",
        BroadcastStatus.Paused => "paused",
        BroadcastStatus.Completed => "completed",
        BroadcastStatus.Cancelled => "cancelled",
        BroadcastStatus.Draft => "draft",
        _ => "failed",
    };
}
