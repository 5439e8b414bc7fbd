using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Processing;

/// The registered connectors, by platform.
public sealed class PlatformCatalog(IEnumerable<IPlatformConnector> connectors)
{
    private readonly Dictionary<PlatformKind, IPlatformConnector> _connectors = connectors.ToDictionary(c => c.Platform);

    /// <summary>The connector's capabilities, or the platform's known defaults when none is registered.</summary>
    public PlatformCapabilities Capabilities(PlatformKind platform) =>
        _connectors.TryGetValue(platform, out var c) ? c.Capabilities : PlatformCapabilities.DefaultsFor(platform);

    public IPlatformConnector? Connector(PlatformKind platform) => _connectors.GetValueOrDefault(platform);
}
