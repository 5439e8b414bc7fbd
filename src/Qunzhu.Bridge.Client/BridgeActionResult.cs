namespace Qunzhu.Bridge.Client;

/// <summary>What a pulling bridge reports about one action.</summary>
/// <param name="Status">"done", "failed" (permanent: retrying cannot help) or "retry" (try again later).</param>
/// <param name="Error">Why it failed, shown to operators (≤ 1000 characters).</param>
/// <param name="RetryAfterSeconds">For "retry": when to offer it again.</param>
public sealed record BridgeActionResult(string Status, string? Error = null, int? RetryAfterSeconds = null)
{
    public const string DoneStatus = "done";
    public const string FailedStatus = "failed";
    public const string RetryStatus = "retry";

    public static BridgeActionResult Done { get; } = new(DoneStatus);
    public static BridgeActionResult Failed(string error) => new(FailedStatus, error);
    public static BridgeActionResult Retry(string error, int? retryAfterSeconds = null) => new(RetryStatus, error, retryAfterSeconds);
}

/// <summary>Qunzhu's answer to a result: "recorded", or "alreadyCompleted" when an earlier result settled it.</summary>
public sealed record BridgeResultRecorded(string Status);
