using System.Text.Json;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.Bridge;

/// <summary>Reads a stored bridge event (validated by the webhook, "at" filled in) into a <see cref="ChatEvent"/>.</summary>
public sealed class BridgeNormalizer : IEventNormalizer
{
    public PlatformKind Platform => PlatformKind.Bridge;

    public ChatEvent? Normalize(InboxEvent stored)
    {
        var e = JsonSerializer.Deserialize<BridgeEvent>(stored.Payload, BridgeJson.Options)!;
        var at = (e.At ?? new DateTimeOffset(stored.ReceivedAt, TimeSpan.Zero)).UtcDateTime;
        var user = e.User is { } u ? new ChatUser(u.Id, u.Name ?? "", u.IsAdmin ?? false) : null;
        return e.Type switch
        {
            BridgeEventTypes.MemberJoined => new MemberJoined(stored.PlatformEventId, stored.ChatId, at, user!, e.InviteCode),
            BridgeEventTypes.MemberLeft => new MemberLeft(stored.PlatformEventId, stored.ChatId, at, user!),
            BridgeEventTypes.MessagePosted => new MessagePosted(stored.PlatformEventId, stored.ChatId, at, user!, e.Text ?? "", e.MessageId),
            _ => null,
        };
    }
}
