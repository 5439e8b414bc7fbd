using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Connectors.WeCom.Accounts;

/// <summary>What a WeCom account takes (corp id, the customer-contact secret, the callback token and key)
/// and how "test connection" checks it: gettoken with the corp id and secret.</summary>
public sealed class WeComAccountType(WeComApiClient api) : IPlatformAccountType
{
    public PlatformKind Platform => PlatformKind.WeCom;

    public IReadOnlyList<AccountSettingField> Fields { get; } =
    [
        new(WeComSettings.CorpIdField, Secret: false, Required: true,
            "企业ID：管理后台 →「我的企业」→ 企业信息页底部的「企业ID」（ww 开头）。",
            "Corp ID: WeCom admin → My Company, at the bottom of the page (starts with ww)."),
        new(WeComSettings.AgentIdField, Secret: false, Required: false,
            "自建应用的 AgentId（可选）：「应用管理」→ 应用详情。用于创建企业标签时指定应用。",
            "AgentId of the self-built app (optional): App Management → the app. Used when adding corp tags."),
        new(WeComSettings.SecretField, Secret: true, Required: true,
            "「客户联系」的 Secret：「客户与上下游」→「客户联系」→ API →「Secret」（或已授权客户联系的自建应用 Secret）。",
            "Secret of Customer Contact: Customers → Customer Contact → API → Secret (or a self-built app granted customer contact)."),
        new(WeComSettings.TokenField, Secret: true, Required: true,
            "回调 Token：在「接收事件服务器」页面设置的 Token，与此处一致。",
            "Callback Token: the Token set on the \"receive events\" (接收事件服务器) page; the same here."),
        new(WeComSettings.EncodingAesKeyField, Secret: true, Required: true,
            "EncodingAESKey：同一页面上的 43 位密钥（可点「随机获取」后复制）。",
            "EncodingAESKey: the 43-character key on the same page (\"random\" generates one; copy it here)."),
        new(WeComSettings.ApiBaseUrlField, Secret: false, Required: false,
            "接口地址，默认 https://qyapi.weixin.qq.com；使用代理时填代理地址。",
            "API base URL, default https://qyapi.weixin.qq.com; a proxy's address if you use one."),
        new(WeComSettings.RobotWebhookKeyField, Secret: true, Required: false,
            "内部群机器人的 key（可选）：群机器人 Webhook 地址中 key= 之后的部分，用于在内部员工群发送通知（每分钟最多 20 条）。",
            "Group robot key of an internal staff group (optional): the part after key= in the robot's webhook URL; 20 messages a minute."),
    ];

    public string? Validate(AccountSettings settings) => WeComSettings.Check(settings.Get);

    public async Task<ConnectionTestResult> TestConnectionAsync(PlatformAccount account, AccountSettings settings, CancellationToken ct)
    {
        var s = WeComSettings.From(settings.Get);
        try
        {
            var token = await api.GetTokenAsync(s.Credentials, ct);
            return ConnectionTestResult.Success($"WeCom accepted the corp ID and secret (gettoken: a token valid for {token.ExpiresIn} s).");
        }
        catch (WeComApiException ex)
        {
            return ConnectionTestResult.Failure(ex.ErrCode switch
            {
                40013 => $"WeCom does not know corp ID '{s.CorpId}' (errcode 40013): copy it from My Company.",
                40001 => "WeCom refused the secret (errcode 40001): copy the Customer Contact secret again.",
                _ => ex.Message,
            });
        }
        catch (HttpRequestException ex)
        {
            return ConnectionTestResult.Failure($"WeCom could not be reached at {s.ApiBaseUrl}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return ConnectionTestResult.Failure($"WeCom did not answer in time at {s.ApiBaseUrl}.");
        }
    }
}
