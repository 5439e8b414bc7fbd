using Qunzhu.Core.Communities;

namespace Qunzhu.Core.Broadcasts;

/// <summary>Which groups a broadcast goes to: any group named, of a listed type, carrying a listed tag, or using a listed
/// template (a group without a template uses the default one).
/// Types and tags are resolved when each occurrence is planned, so a recurring broadcast reaches new groups too.</summary>
public sealed record BroadcastTargets
{
    public IReadOnlyList<Guid> CommunityIds { get; init; } = [];
    public IReadOnlyList<CommunityType> CommunityTypes { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<Guid> TemplateIds { get; init; } = [];

    public bool IsEmpty => CommunityIds.Count == 0 && CommunityTypes.Count == 0 && Tags.Count == 0 && TemplateIds.Count == 0;
}
