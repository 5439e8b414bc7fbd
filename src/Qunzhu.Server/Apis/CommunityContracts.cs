using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Templates;

namespace Qunzhu.Server.Apis;

public sealed record CommunitySummary(Guid Id, string Name, PlatformKind Platform, CommunityType Type, Guid? TemplateId, int ActiveMembers, DateTime CreatedAt)
{
    /// <summary>Features the platform does not allow (checkIn, autoReply, moderation); see the detail for why.</summary>
    public IReadOnlyList<string>? Unavailable { get; init; }

    /// <summary>The group's tags (broadcast and SOP targets; the list filters on them with <c>tag</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

public sealed record CommunityDetail(
    Guid Id, string Name, PlatformKind Platform, string ExternalId, CommunityType Type, Guid? TemplateId,
    TemplateSettingsOverride? Overrides, TemplateSettings EffectiveSettings, PlatformCapabilities Capabilities,
    int ActiveMembers, int MessagesToday, DateTime CreatedAt)
{
    /// <summary>Features this group's platform does not allow, each with the reason; empty when all work.</summary>
    public IReadOnlyList<UnavailableFeature> Unavailable { get; init; } = [];
}

/// <param name="Feature">checkIn, autoReply or moderation.</param>
/// <param name="Reason">Why, and what the platform offers instead, in the workspace's language.</param>
public sealed record UnavailableFeature(string Feature, string Reason);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <param name="TemplateId">A template id; use <c>ClearTemplate</c> to fall back to the default template.</param>
public sealed record UpdateCommunityRequest(string? Name, string? Type, Guid? TemplateId, bool? ClearTemplate);

public sealed record CommunityMemberResponse(Guid MemberId, string DisplayName, MemberRole Role, DateTime JoinedAt, DateTime? LeftAt, int JoinCount, string? InviteCode);

public sealed record SetRoleRequest(MemberRole Role);

public sealed record LeaderboardEntry(int Position, Guid MemberId, string DisplayName, int Value, int? Rank = null, DateTime? At = null);
