using Qunzhu.Bridge.Client;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Connectors.Bridge;

/// <summary>Delivers outbox actions to a bridge: pushed to its callback URL, or queued for it to pull.
/// Capabilities are whatever each account's bridge declares.</summary>
public sealed class BridgeConnector(BridgeSettingsReader settings, BridgeHttpClient http, BridgePullQueue queue) : IPlatformConnector, IAccountCapabilities
{
    public PlatformKind Platform => PlatformKind.Bridge;

    /// <summary>Without an account there is no declaration: nothing is assumed.</summary>
    public PlatformCapabilities Capabilities => BridgeCapabilities.None;

    public async ValueTask<PlatformCapabilities> CapabilitiesAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var (read, _) = await settings.ReadAsync(accountId, cancellationToken);
        return read?.Capabilities ?? BridgeCapabilities.None;
    }

    public async Task<DeliveryResult> DeliverAsync(OutboundAction action, CancellationToken cancellationToken)
    {
        var (read, error) = await settings.ReadAsync(action.AccountId, cancellationToken);
        if (read is null) return DeliveryResult.Permanent("The bridge account's settings are invalid: " + error);
        if (read.Mode == BridgeDeliveryMode.Pull)
        {
            await queue.EnqueueAsync(action, cancellationToken);
            return DeliveryResult.Delivered;
        }
        return await http.PostAsync(read, new BridgeEnvelope(BridgeEnvelope.ActionKind, BridgeActions.From(action)), cancellationToken);
    }
}
