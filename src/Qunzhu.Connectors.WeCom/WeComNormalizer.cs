using Qunzhu.Connectors.WeCom.FollowUps;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.WeCom;

/// <summary>WeCom's stored rows as ChatEvents. The callbacks themselves (decrypted XML) carry nothing the
/// engine can act on by themselves: a group change does not say who joined, so the follow-up step reads the
/// group and stores what changed as rows of its own (JSON), which become MemberJoined / MemberLeft here.
/// Pure: no network, no database.</summary>
public sealed class WeComNormalizer : IEventNormalizer
{
    public PlatformKind Platform => PlatformKind.WeCom;

    public IReadOnlyList<ChatEvent> Normalize(InboxEvent stored)
    {
        // Raw callbacks are kept as WeCom sent them (XML): recorded, and handled by the follow-up step.
        if (stored.Payload.StartsWith('<')) return [];
        var change = WeComChange.FromJson(stored.Payload);
        if (change is null) return [];
        return change.Kind switch
        {
            WeComChange.Join when change.UserId is { } user =>
                [new MemberJoined(stored.PlatformEventId, change.ChatId, change.At, new ChatUser(user, change.Name ?? "", change.IsAdmin), change.State)],
            WeComChange.Leave when change.UserId is { } user =>
                [new MemberLeft(stored.PlatformEventId, change.ChatId, change.At, new ChatUser(user, change.Name ?? ""))],
            WeComChange.Chat when change.Title is { } title => [new ChatDiscovered(stored.PlatformEventId, change.ChatId, change.At, title)],
            _ => [],
        };
    }
}
