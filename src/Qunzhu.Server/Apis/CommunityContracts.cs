using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Templates;

namespace Qunzhu.Server.Apis;

public sealed record CommunitySummary(Guid Id, string Name, PlatformKind Platform, CommunityType Type, Guid? TemplateId, int ActiveMembers, DateTime CreatedAt);

public sealed record CommunityDetail(
    Guid Id, string Name, PlatformKind Platform, string ExternalId, CommunityType Type, Guid? TemplateId,
    TemplateSettingsOverride? Overrides, TemplateSettings EffectiveSettings, PlatformCapabilities Capabilities,
    int ActiveMembers, int MessagesToday, DateTime CreatedAt);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <param name="TemplateId">A template id; use <c>ClearTemplate</c> to fall back to the default template.</param>
public sealed record UpdateCommunityRequest(string? Name, string? Type, Guid? TemplateId, bool? ClearTemplate);

public sealed record CommunityMemberResponse(Guid MemberId, string DisplayName, MemberRole Role, DateTime JoinedAt, DateTime? LeftAt, int JoinCount, string? InviteCode);

public sealed record SetRoleRequest(MemberRole Role);

public sealed record LeaderboardEntry(int Position, Guid MemberId, string DisplayName, int Value, int? Rank = null, DateTime? At = null);
