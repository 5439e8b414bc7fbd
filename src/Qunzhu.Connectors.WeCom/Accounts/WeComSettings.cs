using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.Crypto;

namespace Qunzhu.Connectors.WeCom.Accounts;

/// <summary>A WeCom account's settings, read from the account (secrets decrypted). Never logged.</summary>
public sealed record WeComSettings(string CorpId, string? AgentId, string Secret, string Token, string EncodingAesKey, Uri ApiBaseUrl, string? RobotWebhookKey)
{
    public const string CorpIdField = "corpId";
    public const string AgentIdField = "agentId";
    public const string SecretField = "secret";
    public const string TokenField = "token";
    public const string EncodingAesKeyField = "encodingAesKey";
    public const string ApiBaseUrlField = "apiBaseUrl";
    public const string RobotWebhookKeyField = "robotWebhookKey";
    public static readonly Uri DefaultApiBaseUrl = new("https://qyapi.weixin.qq.com");

    public WeComCredentials Credentials => new(ApiBaseUrl, CorpId, Secret);

    /// <summary>Never prints the secrets (records print every member by default).</summary>
    public override string ToString() => $"WeComSettings({CorpId}, {ApiBaseUrl})";

    /// <summary>The callback crypto: receive id = corp id (customer-contact callbacks are sent to the corp).</summary>
    public WeComCallbackCrypto Crypto() => new(Token, EncodingAesKey, CorpId);

    public static WeComSettings From(Func<string, string?> get) => new(
        get(CorpIdField) ?? "",
        get(AgentIdField),
        get(SecretField) ?? "",
        get(TokenField) ?? "",
        get(EncodingAesKeyField) ?? "",
        Uri.TryCreate(get(ApiBaseUrlField), UriKind.Absolute, out var url) ? url : DefaultApiBaseUrl,
        get(RobotWebhookKeyField));

    /// <summary>What is wrong with the settings, naming the field; null when they can be used.</summary>
    public static string? Check(Func<string, string?> get)
    {
        if (string.IsNullOrWhiteSpace(get(CorpIdField))) return "corpId: enter the corp ID (企业ID) from WeCom admin → My Company (我的企业).";
        if (string.IsNullOrWhiteSpace(get(SecretField))) return "secret: enter the Secret of the customer-contact (客户联系) app.";
        if (string.IsNullOrWhiteSpace(get(TokenField))) return "token: enter the Token you set on the callback (接收事件服务器) page.";
        var key = get(EncodingAesKeyField) ?? "";
        if (key.Length != 43 || !key.All(char.IsAsciiLetterOrDigit))
            return $"encodingAesKey: the EncodingAESKey is exactly 43 letters and digits (this one has {key.Length}); copy it from the callback page.";
        if (get(AgentIdField) is { Length: > 0 } agent && !agent.All(char.IsAsciiDigit)) return "agentId: the AgentId is a number, e.g. 1000002.";
        if (get(ApiBaseUrlField) is { Length: > 0 } raw
            && (!Uri.TryCreate(raw, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")))
            return "apiBaseUrl: an absolute http(s) URL, e.g. https://qyapi.weixin.qq.com.";
        return null;
    }
}
