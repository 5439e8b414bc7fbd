using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Processing;

/// <summary>What a module wants done; the router turns it into an outbox row, or into a staff task
/// when the platform cannot do it.</summary>
/// <param name="Reason">Why, in the workspace's language: shown in staff tasks.</param>
public sealed record BotAction(
    BotActionKind Kind,
    string? Text = null,
    string? TargetUserId = null,
    string? TargetUserName = null,
    string? TargetMessageId = null,
    int? DurationSeconds = null,
    string? Reason = null,
    OutboundAttachment? Attachment = null);
