namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>WeCom's errcodes that change what the client does (the rest are permanent: retrying cannot help).</summary>
public static class WeComErrors
{
    public const int InvalidCredential = 40001;
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    public const int SystemBusy = -1;
    public const int FrequencyLimit = 45009;
    public const int ConcurrencyLimit = 45033;

    /// <summary>The cached token is no longer good: fetch a new one and try once more.</summary>
    public static bool IsStaleToken(int errCode) => errCode is InvalidAccessToken or AccessTokenExpired or InvalidCredential;

    /// <summary>How long to wait after a transient error, or null when the error is permanent. WeCom's
    /// frequency limits are counted per minute, so 45009 waits a minute; busy / concurrency clear quickly.</summary>
    public static TimeSpan? RetryAfter(int errCode) => errCode switch
    {
        FrequencyLimit => TimeSpan.FromSeconds(60),
        ConcurrencyLimit => TimeSpan.FromSeconds(2),
        SystemBusy => TimeSpan.FromSeconds(2),
        _ => null,
    };
}
