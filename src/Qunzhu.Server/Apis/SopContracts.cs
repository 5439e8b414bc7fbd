using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Sops;

namespace Qunzhu.Server.Apis;

/// <param name="Kind">group (nurtures a group) or member (follows one person from a trigger).</param>
/// <param name="Trigger">Member SOPs: {"on":"joined","inviteCode":"…"} or {"on":"tagged","tag":"…"}.</param>
/// <param name="Scope">Member SOPs: the groups whose joins count (communityIds, communityTypes, tags); omit for every group.</param>
/// <param name="AutoApplyTypes">Group SOPs: new groups of these types get the SOP when they are created.</param>
/// <param name="ExitTags">Stop when the member (member SOP) or group (group SOP) carries one of these tags.</param>
/// <param name="LateToleranceMinutes">A step done more than this long after it was due counts as late (default 10).</param>
public sealed record SopRequest(string? Name, string? Description, string? Kind, IReadOnlyList<SopStepRequest>? Steps, SopTriggerRequest? Trigger,
    BroadcastTargetsRequest? Scope, IReadOnlyList<string>? AutoApplyTypes, bool? ExitWhenLeft, IReadOnlyList<string>? ExitTags,
    QuietHoursRequest? QuietHours, int? LateToleranceMinutes, bool? Enabled);

/// <param name="Id">Keep a step's id when editing: its execution rows stay attached to it.</param>
/// <param name="Anchor">groupCreated, memberJoined, date or weekly.</param>
/// <param name="Action">postToGroup, messageMember, staffTask, addTag or postTopic.</param>
/// <param name="OffsetDays">Days after the anchor (day 0 = the anchor's local date).</param>
/// <param name="OffsetMinutes">Minutes after the anchor when no local time is given.</param>
/// <param name="At">Local time "HH:mm" (workspace time zone).</param>
/// <param name="Date">"yyyy-MM-dd" for the date anchor.</param>
/// <param name="Weekday">monday … sunday for the weekly anchor.</param>
/// <param name="Repeat">Weekly: how many weeks in a row (1–52).</param>
/// <param name="TopicKind">postTopic without topicId: professional, personal, hot or universal, picked automatically.</param>
public sealed record SopStepRequest(Guid? Id, string? Anchor, string? Action, int? OffsetDays, int? OffsetMinutes, string? At, string? Date,
    string? Weekday, int? Repeat, string? Text, Guid? ContentId, Guid? TopicId, string? TopicKind, string? Tag);

/// <param name="On">joined or tagged.</param>
public sealed record SopTriggerRequest(string? On, string? InviteCode, string? Tag);

public sealed record SopCounts(int Active, int Completed, int Exited, int Cancelled);

public sealed record SopResponse(Guid Id, string Name, string? Description, SopKind Kind, IReadOnlyList<SopStep> Steps, SopTrigger? Trigger,
    BroadcastTargets Scope, IReadOnlyList<CommunityType> AutoApplyTypes, bool ExitWhenLeft, IReadOnlyList<string> ExitTags, QuietHoursRequest? QuietHours,
    int LateToleranceMinutes, bool Enabled, string? BuiltIn, string TimeZone, SopCounts Enrollments, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record BuiltInSopResponse(string Key, string Name, string Description, SopKind Kind, IReadOnlyList<SopStep> Steps);

/// <summary>Apply a group SOP to groups now: by id, type or tag (resolved once; new groups of a type use autoApplyTypes).</summary>
public sealed record ApplySopRequest(IReadOnlyList<Guid>? CommunityIds, IReadOnlyList<string>? CommunityTypes, IReadOnlyList<string>? Tags);

/// <param name="AlreadyRunning">Groups where the SOP is running already: left as they are.</param>
public sealed record ApplySopResponse(int Enrolled, int AlreadyRunning, IReadOnlyList<Guid> EnrolledCommunityIds);

public sealed record SopEnrollmentResponse(Guid Id, Guid CommunityId, string CommunityName, Guid? MemberId, string? MemberName, SopEnrollmentStatus Status,
    string? ExitReason, DateTime AnchorAt, DateTime CreatedAt, DateTime? EndedAt);

/// <param name="Status">scheduled, doneOnTime, doneLate, skipped or failed.</param>
/// <param name="LateByMinutes">How long after the due time it was done.</param>
public sealed record SopExecutionResponse(Guid Id, Guid EnrollmentId, int StepNumber, int Occurrence, SopActionKind? Action, Guid CommunityId,
    string CommunityName, Guid? MemberId, string? MemberName, DateTime DueAt, DateTime? ExecutedAt, SopExecutionStatus Status, double? LateByMinutes,
    string? Reason);

public sealed record SopExecutionSummary(int Scheduled, int DoneOnTime, int DoneLate, int Skipped, int Failed);

public sealed record SopExecutionsResponse(SopExecutionSummary Summary, IReadOnlyList<SopExecutionResponse> Items, int Total, int Page, int PageSize);
