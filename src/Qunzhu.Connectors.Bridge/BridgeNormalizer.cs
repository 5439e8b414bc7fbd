using System.Text.Json;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.Bridge;

/// <summary>Reads a stored bridge event (validated by the webhook, "at" filled in) into a <see cref="ChatEvent"/>.
/// The webhook stores one row per event, so the id and the chat are the row's.</summary>
public sealed class BridgeNormalizer : IEventNormalizer
{
    public PlatformKind Platform => PlatformKind.Bridge;

    public IReadOnlyList<ChatEvent> Normalize(InboxEvent stored)
    {
        var e = JsonSerializer.Deserialize<BridgeEvent>(stored.Payload, BridgeJson.Options)!;
        var (id, chat) = (stored.PlatformEventId, stored.ChatId);
        var at = (e.At ?? new DateTimeOffset(stored.ReceivedAt, TimeSpan.Zero)).UtcDateTime;
        var user = e.User is { } u ? new ChatUser(u.Id, u.Name ?? "", u.IsAdmin ?? false) : null;
        ChatEvent? normalized = e.Type switch
        {
            BridgeEventTypes.ChatDiscovered or BridgeEventTypes.ChatRenamed => new ChatDiscovered(id, chat, at, e.Title ?? chat),
            BridgeEventTypes.MemberJoined => new MemberJoined(id, chat, at, user!, e.InviteCode),
            BridgeEventTypes.MemberLeft => new MemberLeft(id, chat, at, user!),
            BridgeEventTypes.MessagePosted => new MessagePosted(id, chat, at, user!, e.Text ?? "", e.MessageId),
            BridgeEventTypes.JoinRequested => new JoinRequested(id, chat, at, user!, e.InviteCode),
            _ => null,
        };
        return normalized is null ? [] : [normalized];
    }
}
