namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>What the API client needs of an account: where WeCom is, which corp, which app secret.</summary>
/// <param name="ApiBaseUrl">https://qyapi.weixin.qq.com, or a proxy / the fake in tests.</param>
public sealed record WeComCredentials(Uri ApiBaseUrl, string CorpId, string Secret)
{
    /// <summary>Never prints the secret (records print every member by default).</summary>
    public override string ToString() => $"WeComCredentials({ApiBaseUrl}, {CorpId})";
}
