using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Processing;

/// The registered connectors, by platform.
public sealed class PlatformCatalog(IEnumerable<IPlatformConnector> connectors)
{
    private readonly Dictionary<PlatformKind, IPlatformConnector> _connectors = connectors.ToDictionary(c => c.Platform);

    public PlatformCapabilities Capabilities(PlatformKind platform) =>
        _connectors.TryGetValue(platform, out var c) ? c.Capabilities : PlatformCapabilities.Full;

    public IPlatformConnector? Connector(PlatformKind platform) => _connectors.GetValueOrDefault(platform);
}
