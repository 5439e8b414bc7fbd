namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>gettoken.</summary>
public sealed record TokenResponse : WeComResponse
{
    public string? AccessToken { get; init; }
    public int ExpiresIn { get; init; }
}
