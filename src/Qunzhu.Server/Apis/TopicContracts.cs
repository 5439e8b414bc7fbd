using Qunzhu.Core.Topics;

namespace Qunzhu.Server.Apis;

/// <param name="Kind">professional, personal, hot or universal.</param>
/// <param name="Text">The prompt posted to the group; variables {group}, {date} and the group's own are filled in.</param>
/// <param name="ContentId">A library item posted with it (optional).</param>
public sealed record TopicRequest(string? Kind, string? Title, string? Text, Guid? ContentId);

public sealed record TopicResponse(Guid Id, TopicKind Kind, string Title, string Text, Guid? ContentId, int Uses, DateTime? LastUsedAt, DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>Post a topic to groups as a discussion prompt: a broadcast (rate-limited, exactly once) whose origin names the topic.</summary>
/// <param name="At">ISO-8601; omit to post now.</param>
public sealed record ScheduleTopicRequest(BroadcastTargetsRequest? Targets, string? At, QuietHoursRequest? QuietHours);

public sealed record ScheduleTopicResponse(Guid BroadcastId, DateTime SendAt);

/// <param name="Source">sop (an SOP step posted it) or broadcast (scheduled from the topic library).</param>
public sealed record TopicUseResponse(Guid TopicId, string TopicTitle, TopicKind TopicKind, Guid CommunityId, string CommunityName, DateTime At, string Source);
