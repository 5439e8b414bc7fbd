using Cronos;
using Qunzhu.Core.Broadcasts;

namespace Qunzhu.Server.Broadcasts;

/// A broadcast request that passed validation, with the first occurrence worked out.
public sealed record BroadcastDraft(string Name, Guid? ContentId, string? Text, BroadcastTargets Targets, DateTime? At, string? Cron,
    CronExpression? CronExpression, QuietHours? QuietHours, DateTime FirstOccurrence, DateTime FirstSendAt, bool Draft = false);
