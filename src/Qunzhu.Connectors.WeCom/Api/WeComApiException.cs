using Qunzhu.Core.Platforms;

namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>WeCom answered with a non-zero errcode (or could not be reached).</summary>
/// <param name="ErrCode">WeCom's errcode; 0 when the failure was the network or an HTTP status.</param>
/// <param name="RetryAfter">Set for transient failures (rate limits, "system busy"): when to try again.</param>
public sealed class WeComApiException(string method, int errCode, string errMsg, TimeSpan? retryAfter)
    : Exception($"WeCom {method} failed: errcode {errCode}, {errMsg}")
{
    public string Method { get; } = method;
    public int ErrCode { get; } = errCode;
    public string ErrMsg { get; } = errMsg;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool IsTransient => RetryAfter is not null;

    public DeliveryResult ToDeliveryResult() => IsTransient
        ? DeliveryResult.Transient(Message, RetryAfter)
        : DeliveryResult.Permanent(Message);
}
