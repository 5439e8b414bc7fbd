using System.Text.Json;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.Sandbox;

public sealed class SandboxNormalizer : IEventNormalizer
{
    public PlatformKind Platform => PlatformKind.Sandbox;

    public IReadOnlyList<ChatEvent> Normalize(InboxEvent stored)
    {
        var p = JsonSerializer.Deserialize<SandboxPayload>(stored.Payload, SandboxJson.Options)!;
        var user = new ChatUser(p.MemberId, p.MemberName ?? "");
        ChatEvent? e = p.Kind switch
        {
            "join" => new MemberJoined(stored.PlatformEventId, stored.ChatId, p.At, user, p.InviteCode),
            "joinRequest" => new JoinRequested(stored.PlatformEventId, stored.ChatId, p.At, user, p.InviteCode),
            "leave" => new MemberLeft(stored.PlatformEventId, stored.ChatId, p.At, user),
            "message" => new MessagePosted(stored.PlatformEventId, stored.ChatId, p.At, user, p.Text ?? "", stored.PlatformEventId),
            _ => null,
        };
        return e is null ? [] : [e];
    }
}
