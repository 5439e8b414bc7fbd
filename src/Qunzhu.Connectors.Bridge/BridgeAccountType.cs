using Qunzhu.Bridge.Client;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Connectors.Bridge;

/// <summary>The settings a bridge account takes, their checks, and "test connection": a signed ping to the
/// callback URL (push), or when the bridge last pulled (pull).</summary>
public sealed class BridgeAccountType(BridgeHttpClient http, BridgePullQueue queue, TimeProvider time) : IPlatformAccountType
{
    private static readonly TimeSpan RecentPull = TimeSpan.FromMinutes(2);

    public PlatformKind Platform => PlatformKind.Bridge;

    public IReadOnlyList<AccountSettingField> Fields { get; } =
    [
        new(BridgeSettings.SharedSecretField, Secret: true, Required: true,
            $"签名密钥：至少 {BridgeProtocol.MinSecretLength} 个字符的随机字符串，桥接程序与群主双方用它做 HMAC-SHA256 签名。",
            $"Signing key: a random string of at least {BridgeProtocol.MinSecretLength} characters that the bridge and Qunzhu both use for HMAC-SHA256 signatures."),
        new(BridgeSettings.CallbackUrlField, Secret: false, Required: false,
            "回调地址：群主把动作（发消息、删消息、禁言、移出）POST 到这里。桥接程序在内网、无公网地址时留空，改用拉取模式。",
            "Callback URL: Qunzhu POSTs actions (send, delete, mute, remove) here. Leave empty when the bridge has no public address; it then pulls."),
        new(BridgeSettings.DeliveryModeField, Secret: false, Required: false,
            "投递方式：push（推送到回调地址）或 pull（桥接程序轮询拉取）。不填时有回调地址即 push，否则 pull。",
            "Delivery mode: push (to the callback URL) or pull (the bridge long-polls). Default: push with a callback URL, else pull."),
        new(BridgeSettings.CapabilitiesField, Secret: false, Required: true,
            "能力声明：逗号分隔，可选 readsMessages、postsFreely、removesMembers、mutesMembers、deletesMessages、handlesJoinRequests，或 none。未声明的动作会变成员工待办。",
            "Capabilities: comma-separated, any of readsMessages, postsFreely, removesMembers, mutesMembers, deletesMessages, handlesJoinRequests, or none. Undeclared actions become staff tasks."),
    ];

    public string? Validate(AccountSettings settings) => BridgeSettings.Parse(settings).Error;

    public async Task<ConnectionTestResult> TestConnectionAsync(PlatformAccount account, AccountSettings settings, CancellationToken ct)
    {
        var (read, error) = BridgeSettings.Parse(settings);
        if (read is null) return new ConnectionTestResult(false, error!);
        if (read.Mode == BridgeDeliveryMode.Pull)
        {
            return queue.LastPull(account.Id) is { } at && time.GetUtcNow() - at < RecentPull
                ? new ConnectionTestResult(true, $"The bridge pulled for actions at {at:u}.")
                : new ConnectionTestResult(false, "The bridge pulls, and it has not pulled in the last 2 minutes. Start it, and check it signs with this account's shared secret.");
        }
        var result = await http.PostAsync(read, new BridgeEnvelope(BridgeEnvelope.PingKind), ct);
        return result.Outcome == DeliveryOutcome.Delivered
            ? new ConnectionTestResult(true, $"The bridge at {read.CallbackUrl} answered the signed ping.")
            : new ConnectionTestResult(false, result.Error ?? "The bridge did not accept the ping.");
    }
}
