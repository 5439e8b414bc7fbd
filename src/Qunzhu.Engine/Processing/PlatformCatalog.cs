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
    public async ValueTask<PlatformCapabilities> CapabilitiesAsync(Community community, CancellationToken ct)
    {
        if (_connectors.GetValueOrDefault(community.Platform) is not IAccountCapabilities account)
            return community.Capabilities ?? Capabilities(community.Platform);
        var declared = await account.CapabilitiesAsync(community.AccountId, ct);
        return community.Capabilities is { } own ? own.Intersect(declared) : declared;
    }

    public IPlatformConnector? Connector(PlatformKind platform) => _connectors.GetValueOrDefault(platform);
}
