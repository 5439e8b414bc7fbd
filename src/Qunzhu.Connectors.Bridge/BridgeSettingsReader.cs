using Qunzhu.Engine.Accounts;

namespace Qunzhu.Connectors.Bridge;

/// <summary>An account's bridge settings through the (caching) settings provider.</summary>
public sealed class BridgeSettingsReader(IAccountSettingsProvider provider)
{
    /// <summary>The settings, or what is wrong with them.</summary>
    public async Task<(BridgeSettings? Settings, string? Error)> ReadAsync(Guid accountId, CancellationToken ct) =>
        BridgeSettings.Parse(await provider.GetAsync(accountId, ct));
}
