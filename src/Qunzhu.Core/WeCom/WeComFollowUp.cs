namespace Qunzhu.Core.WeCom;

/// <summary>The WeCom connector's work on a stored callback that needs an API call (groupchat/get,
/// send_welcome_msg): one row per inbox event, done or waiting to be retried.</summary>
public sealed class WeComFollowUp
{
    /// <summary>The inbox event's Sequence.</summary>
    public long InboxSequence { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? Error { get; set; }
}
