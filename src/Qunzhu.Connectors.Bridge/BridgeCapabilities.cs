using Qunzhu.Core.Platforms;

namespace Qunzhu.Connectors.Bridge;

/// <summary>The capability declaration: a comma-separated list of what the bridge can do, or "none".</summary>
public static class BridgeCapabilities
{
    public const string ReadsMessages = "readsMessages";
    public const string PostsFreely = "postsFreely";
    public const string RemovesMembers = "removesMembers";
    public const string MutesMembers = "mutesMembers";
    public const string DeletesMessages = "deletesMessages";
    public const string HandlesJoinRequests = "handlesJoinRequests";

    public static IReadOnlyList<string> All { get; } = [ReadsMessages, PostsFreely, RemovesMembers, MutesMembers, DeletesMessages, HandlesJoinRequests];

    /// <summary>Until a bridge says what it can do, it can do nothing: every action becomes a staff task.</summary>
    public static PlatformCapabilities None { get; } = new()
    {
        ReadsMessages = false,
        PostsFreely = false,
        RemovesMembers = false,
        MutesMembers = false,
        DeletesMessages = false,
        MessagesMembersPrivately = false,
    };

    public static (PlatformCapabilities? Capabilities, string? Error) Parse(string? declaration)
    {
        if (string.IsNullOrWhiteSpace(declaration))
            return (null, $"declare what the bridge can do, e.g. \"{ReadsMessages},{PostsFreely}\" (any of {string.Join(", ", All)}), or \"none\".");
        var names = declaration.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names is [var only] && only.Equals("none", StringComparison.OrdinalIgnoreCase)) return (None, null);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var known = All.FirstOrDefault(a => a.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null) return (null, $"'{name}' is not a capability; use any of {string.Join(", ", All)}, or \"none\".");
            set.Add(known);
        }
        return (new PlatformCapabilities
        {
            ReadsMessages = set.Contains(ReadsMessages),
            PostsFreely = set.Contains(PostsFreely),
            RemovesMembers = set.Contains(RemovesMembers),
            MutesMembers = set.Contains(MutesMembers),
            DeletesMessages = set.Contains(DeletesMessages),
            HandlesJoinRequests = set.Contains(HandlesJoinRequests),
            // The Bridge protocol has no private-message action yet: member SOP messages become staff tasks.
            MessagesMembersPrivately = false,
        }, null);
    }
}
