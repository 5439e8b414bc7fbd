using Qunzhu.Core.Broadcasts;
using Qunzhu.Engine.Broadcasts;

namespace Qunzhu.Server.Apis;

/// <param name="Name">Optional; by default the content's title or the text's beginning.</param>
/// <param name="Schedule">Omit to send now.</param>
/// <param name="QuietHours">Local hours (workspace time zone) in which nothing is sent; a send due then waits until they end.</param>
/// <param name="Draft">True: store it without scheduling; POST /broadcasts/{id}/resume starts it.</param>
public sealed record CreateBroadcastRequest(string? Name, BroadcastContentRequest? Content, BroadcastTargetsRequest? Targets,
    BroadcastScheduleRequest? Schedule, QuietHoursRequest? QuietHours, bool? Draft = null);

/// Either text of its own or a library item's id.
public sealed record BroadcastContentRequest(string? Text, Guid? ContentId);

/// <param name="CommunityTypes">exchange, learning, check-in, group-buy, flash.</param>
/// <param name="TemplateIds">The groups of these group templates (a group without one follows the default template).</param>
public sealed record BroadcastTargetsRequest(IReadOnlyList<Guid>? CommunityIds, IReadOnlyList<string>? CommunityTypes, IReadOnlyList<string>? Tags,
    IReadOnlyList<Guid>? TemplateIds = null);

/// <param name="At">ISO-8601; without an offset it is read in the workspace's time zone.</param>
/// <param name="Cron">Five fields in the workspace's time zone, e.g. "0 8 * * 1-5" (weekdays 08:00).</param>
public sealed record BroadcastScheduleRequest(string? At, string? Cron);

/// <param name="From">"22:00"</param>
/// <param name="To">"08:00"</param>
public sealed record QuietHoursRequest(string? From, string? To);

public sealed record PreviewTargetsRequest(BroadcastTargetsRequest? Targets, BroadcastContentRequest? Content);

public sealed record BroadcastResponse(
    Guid Id, string Name, BroadcastStatus Status, string StatusText, Guid? ContentId, string? Text, BroadcastTargets Targets,
    DateTime? At, string? Cron, QuietHoursRequest? QuietHours, string TimeZone, DateTime? NextRunAt,
    BroadcastProgress Progress, BroadcastRunResponse? LatestRun, int Runs, string? Origin, DateTime CreatedAt);

public sealed record BroadcastRunResponse(Guid Id, DateTime Occurrence, BroadcastStatus Status, string StatusText, BroadcastProgress Progress,
    string? Error, DateTime CreatedAt, DateTime? PlannedAt, DateTime? HandedOverAt);

/// <param name="Status">pending, sent, failed, waitingForStaff or cancelled.</param>
/// <param name="Error">Why it failed: the platform's answer, or why it could not be sent at all.</param>
public sealed record BroadcastDeliveryResponse(Guid CommunityId, string CommunityName, string Platform, string Status, string? Error,
    int Attempts, long? OutboxId, Guid? StaffTaskId, DateTime? HandedOverAt, DateTime? DeliveredAt);

/// <param name="Delivery">bot (the bot posts), staffConfirmation (a staff member confirms each message), or cannotSend.</param>
public sealed record TargetPreview(Guid Id, string Name, string Platform, string Type, string Delivery, string? Reason);

public sealed record PreviewTargetsResponse(int Total, int ByBot, int StaffConfirmation, int CannotSend, IReadOnlyDictionary<string, int> ByPlatform,
    IReadOnlyList<TargetPreview> Items);
