using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Connectors.WeCom;

/// <summary>Delivery on WeCom. The official API does not let an app read customer-group messages (only the
/// paid 会话存档 archive does), post into them freely (a broadcast is a task a staff member confirms), mute,
/// remove or delete: so every capability is off and the engine turns such actions into staff tasks. What can
/// still reach here is a message to an internal group the account's group robot posts into (when a
/// community's capabilities say it posts freely).</summary>
public sealed class WeComConnector(WeComAccounts accounts, WeComApiClient api) : IPlatformConnector
{
    /// <summary>No reading group messages, no free posting, no removals, mutes or deletes, no join requests
    /// (DESIGN.md, "Platforms, honestly"), with WeCom's content kinds and text limit.</summary>
    public static PlatformCapabilities WeComCapabilities { get; } = PlatformCapabilities.DefaultsFor(PlatformKind.WeCom);

    public PlatformKind Platform => PlatformKind.WeCom;

    public PlatformCapabilities Capabilities => WeComCapabilities;

    public async Task<DeliveryResult> DeliverAsync(OutboundAction action, CancellationToken cancellationToken)
    {
        if (action.Kind != BotActionKind.SendMessage)
            return DeliveryResult.Permanent($"WeCom's API cannot {action.Kind} in a customer group; it should have been a staff task.");
        var account = await accounts.FindAsync(action.AccountId, cancellationToken);
        if (account is null) return DeliveryResult.Permanent("The WeCom account no longer exists or is disabled.");
        if (account.Settings.RobotWebhookKey is not { } key)
            return DeliveryResult.Permanent("WeCom customer groups take no bot messages; set a group robot key to post into an internal group.");
        try
        {
            await api.SendRobotTextAsync(account.Settings.ApiBaseUrl, key, action.Text ?? "", cancellationToken);
            return DeliveryResult.Delivered;
        }
        catch (WeComApiException ex)
        {
            return ex.ToDeliveryResult();
        }
    }
}
