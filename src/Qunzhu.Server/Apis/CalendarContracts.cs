using Qunzhu.Engine.Broadcasts;

namespace Qunzhu.Server.Apis;

/// <param name="TemplateId">The groups of this group template (a group without one follows the default template) …</param>
/// <param name="CommunityType">… or of this type (exchange, learning, check-in, group-buy, flash): exactly one of the two.</param>
/// <param name="Slots">The matrix's rows, local times "HH:mm" in the workspace's time zone, e.g. ["07:30","12:00","21:00"].</param>
public sealed record CalendarMatrixRequest(string? Name, Guid? TemplateId, string? CommunityType, IReadOnlyList<string>? Slots, QuietHoursRequest? QuietHours);

/// <param name="Theme">The day's theme, e.g. 干货分享, 周末福利.</param>
/// <param name="Content">A library item ({"contentId":"…"}) or text of its own ({"text":"…"}).</param>
public sealed record CalendarCellRequest(string? Theme, BroadcastContentRequest? Content);

public sealed record CalendarMatrixResponse(Guid Id, string Name, Guid? TemplateId, string? TemplateName, string? CommunityType, IReadOnlyList<string> Slots,
    QuietHoursRequest? QuietHours, int Targets, IReadOnlyList<CalendarCellResponse> Cells, DateTime CreatedAt, DateTime UpdatedAt);

/// <param name="Weekday">monday … sunday.</param>
/// <param name="Time">"HH:mm", local.</param>
/// <param name="BroadcastId">The recurring broadcast this cell is: its runs and deliveries are under /api/v1/broadcasts/{id}.</param>
public sealed record CalendarCellResponse(Guid Id, string Weekday, string Time, string Theme, Guid? ContentId, string? ContentTitle, string? Text,
    Guid BroadcastId, BroadcastStatus Status, DateTime? NextRunAt);

/// <param name="TimeZone">The workspace's time zone: every local time in the answer is in it.</param>
public sealed record CalendarResponse(string TimeZone, DateTime From, DateTime To, IReadOnlyList<CalendarEntry> Items);

/// <summary>One send of one broadcast: still to come (status scheduled, paused or draft), or a run that went out.</summary>
/// <param name="SendAt">When it goes (went) out, UTC.</param>
/// <param name="LocalSendAt">The same in the workspace's time zone, "yyyy-MM-ddTHH:mm".</param>
/// <param name="HeldByQuietHours">The schedule fires in quiet hours: it is sent when they end.</param>
/// <param name="Targets">How many groups it goes to (for an Operator: of their groups); a run says how many it had.</param>
/// <param name="Theme">The theme of the calendar cell it comes from, when it does.</param>
public sealed record CalendarEntry(Guid BroadcastId, string Name, BroadcastStatus Status, DateTime Occurrence, DateTime SendAt, string LocalSendAt,
    bool HeldByQuietHours, int Targets, Guid? RunId, Guid? MatrixId, Guid? CellId, string? Theme);

/// <param name="Text">The text to store (default: the built-in's, in the workspace's language); it may be edited first.</param>
/// <param name="Schedule">Default: the built-in's own, e.g. every day at 08:00.</param>
/// <param name="Draft">True (default): the broadcast waits as a draft until started; false: it is scheduled at once.</param>
public sealed record StartBuiltInRequest(string? Title, string? Text, BroadcastTargetsRequest? Targets, BroadcastScheduleRequest? Schedule,
    QuietHoursRequest? QuietHours, bool? Draft);

public sealed record BuiltInResponse(string Key, string Title, string Text, string Description, string Cron);

public sealed record StartBuiltInResponse(ContentResponse Content, BroadcastResponse Broadcast);
