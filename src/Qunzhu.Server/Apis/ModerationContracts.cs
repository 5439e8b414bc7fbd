using Qunzhu.Core.Moderation;

namespace Qunzhu.Server.Apis;

public sealed record ModerationSettingsDto(IReadOnlyList<string>? AllowedDomains);

public sealed record SensitiveWordResponse(Guid Id, string Word, DateTime CreatedAt);

public sealed record AddWordsRequest(IReadOnlyList<string>? Words);

public sealed record AddWordsResponse(int Added, int Skipped);

public sealed record BlacklistRequest(Guid MemberId, string? Reason);

public sealed record BlacklistResponse(Guid MemberId, string DisplayName, string Reason, string Source, DateTime CreatedAt);

public sealed record ViolationResponse(Guid Id, Guid CommunityId, Guid MemberId, string DisplayName, ViolationKind Kind, string? Detail,
    int Strike, LadderActionTaken Action, DateTime At);

/// <param name="CommunityId">Use this group's settings; omitted: the default template's.</param>
public sealed record ScanRequest(string? Text, Guid? CommunityId);

/// <param name="Finding">Null when the message would pass.</param>
public sealed record ScanResponse(ModerationFinding? Finding);

public sealed record DeletedResponse(int Deleted);
