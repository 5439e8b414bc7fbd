using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Processing;

/// The registered connectors, by platform (a later registration replaces an earlier one, so a host or test can stand in).
public sealed class PlatformCatalog(IEnumerable<IPlatformConnector> connectors)
{
    private readonly Dictionary<PlatformKind, IPlatformConnector> _connectors =
        connectors.GroupBy(c => c.Platform).ToDictionary(g => g.Key, g => g.Last());

    /// <summary>The platform's defaults. For a chat, use <see cref="CapabilitiesAsync"/>: a chat's own setting
    /// and its account's declaration (the Bridge) decide.</summary>
    public PlatformCapabilities Capabilities(PlatformKind platform) =>
        _connectors.TryGetValue(platform, out var c) ? c.Capabilities : PlatformCapabilities.Full;

    /// <summary>What this chat can do: its own setting, else the platform's; where the account declares its
    /// capabilities (the Bridge), the chat's setting can only narrow that declaration.</summary>
    public ValueTask<PlatformCapabilities> CapabilitiesAsync(Community community, CancellationToken ct) =>
        CapabilitiesAsync(community.Platform, community.AccountId, community.Capabilities, ct);

    /// <param name="own">The chat's own capabilities setting, if any.</param>
    public async ValueTask<PlatformCapabilities> CapabilitiesAsync(PlatformKind platform, Guid accountId, PlatformCapabilities? own, CancellationToken ct)
    {
        if (_connectors.GetValueOrDefault(platform) is not IAccountCapabilities account) return own ?? Capabilities(platform);
        var declared = await account.CapabilitiesAsync(accountId, ct);
        return own is null ? declared : own.Intersect(declared);
    }

    public IPlatformConnector? Connector(PlatformKind platform) => _connectors.GetValueOrDefault(platform);
}
