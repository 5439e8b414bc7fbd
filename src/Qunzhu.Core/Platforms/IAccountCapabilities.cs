namespace Qunzhu.Core.Platforms;

/// <summary>Implemented by a connector whose capabilities are not the platform's but each account's
/// (the Bridge: whatever the bridge declares in its settings).</summary>
public interface IAccountCapabilities
{
    /// <summary>What chats of this account can do.</summary>
    ValueTask<PlatformCapabilities> CapabilitiesAsync(Guid accountId, CancellationToken cancellationToken);
}
