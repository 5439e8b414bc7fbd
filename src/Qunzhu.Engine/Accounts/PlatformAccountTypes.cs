using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Accounts;

/// The registered account types, by platform (a later registration replaces an earlier one, so a host or test can override).
public sealed class PlatformAccountTypes(IEnumerable<IPlatformAccountType> types)
{
    private readonly Dictionary<PlatformKind, IPlatformAccountType> _types = types.GroupBy(t => t.Platform).ToDictionary(g => g.Key, g => g.Last());

    public IPlatformAccountType? Find(PlatformKind platform) => _types.GetValueOrDefault(platform);

    public IReadOnlyCollection<IPlatformAccountType> All => _types.Values;
}
