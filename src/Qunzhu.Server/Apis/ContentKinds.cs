using Qunzhu.Core.Content;

namespace Qunzhu.Server.Apis;

/// The API names of content kinds.
public static class ContentKinds
{
    public static IEnumerable<string> Names => Enum.GetValues<ContentKind>().Select(k => k.ToString().ToLowerInvariant());

    public static bool TryParse(string? value, out ContentKind kind)
    {
        kind = ContentKind.Text;
        return !string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _) && Enum.TryParse(value.Trim(), ignoreCase: true, out kind);
    }
}
