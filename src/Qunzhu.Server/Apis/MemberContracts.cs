using Qunzhu.Core.Communities;
using Qunzhu.Core.Moderation;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Server.Apis;

public sealed record MemberSummary(Guid Id, string DisplayName, bool IsWhitelisted, DateTime CreatedAt);

public sealed record MemberIdentityResponse(PlatformKind Platform, Guid AccountId, string ExternalUserId);

public sealed record MemberGroupResponse(Guid CommunityId, string CommunityName, MemberRole Role, DateTime JoinedAt, DateTime? LeftAt, int JoinCount, string? InviteCode);

public sealed record MemberViolationResponse(Guid Id, Guid CommunityId, ViolationKind Kind, string? Detail, int Strike, LadderActionTaken Action, DateTime At);

/// <summary>A member's 360° profile.</summary>
public sealed record MemberProfile(
    Guid Id, string DisplayName, bool IsWhitelisted, bool IsBlacklisted, DateTime CreatedAt,
    IReadOnlyList<MemberIdentityResponse> Identities, IReadOnlyList<MemberGroupResponse> Groups,
    int Points, int CheckIns, int BestCurrentStreak, int Messages, IReadOnlyList<MemberViolationResponse> RecentViolations);

public sealed record PointsEntryResponse(Guid Id, int Amount, string Reason, string Key, Guid? CommunityId, DateTime At);

public sealed record PointsResponse(Guid MemberId, int Balance, PagedList<PointsEntryResponse> Entries);

public sealed record UpdateMemberRequest(bool? IsWhitelisted);
