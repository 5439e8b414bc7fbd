using System.Globalization;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Connectors.Bridge;

/// <summary>An outbox row as the bridge sees it.</summary>
public static class BridgeActions
{
    public static BridgeAction From(OutboundAction action) => new(
        action.Id.ToString(CultureInfo.InvariantCulture),
        action.IdempotencyKey,
        TypeOf(action.Kind),
        action.ChatId,
        new DateTimeOffset(action.CreatedAt, TimeSpan.Zero),
        action.Text,
        action.TargetUserId,
        action.TargetMessageId,
        action.DurationSeconds);

    public static string TypeOf(BotActionKind kind) => kind switch
    {
        BotActionKind.SendMessage => BridgeActionTypes.SendMessage,
        BotActionKind.DeleteMessage => BridgeActionTypes.DeleteMessage,
        BotActionKind.MuteMember => BridgeActionTypes.MuteMember,
        BotActionKind.RemoveMember => BridgeActionTypes.RemoveMember,
        BotActionKind.ApproveJoinRequest => BridgeActionTypes.ApproveJoin,
        BotActionKind.DeclineJoinRequest => BridgeActionTypes.DeclineJoin,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "The Bridge protocol has no action for this."),
    };
}
