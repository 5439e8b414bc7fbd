using Qunzhu.Core.Pipeline;

namespace Qunzhu.Core.Platforms;

/// <summary>The delivery side of a platform: performs one outbound action for one account.
/// Implementations must be idempotent on <see cref="OutboundAction.IdempotencyKey"/> where the platform allows.</summary>
public interface IPlatformConnector
{
    /// <summary>The platform this connector serves.</summary>
    PlatformKind Platform { get; }

    /// <summary>Default capabilities of a chat on this platform.</summary>
    PlatformCapabilities Capabilities { get; }

    /// <summary>Performs the action; returns how it went instead of throwing for platform answers.</summary>
    Task<DeliveryResult> DeliverAsync(OutboundAction action, CancellationToken cancellationToken);
}
