using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Ingestion;

/// <summary>Turns one platform's stored payloads into <see cref="ChatEvent"/>s.</summary>
public interface IEventNormalizer
{
    /// <summary>The platform whose payloads this reads.</summary>
    PlatformKind Platform { get; }

    /// <summary>The normalized events of one stored payload, in order: none for payloads the engine has
    /// nothing to do with, several when one payload carries several (e.g. three people joining at once).
    /// Every event must be about the stored row's chat (<see cref="InboxEvent.ChatId"/>).</summary>
    IReadOnlyList<ChatEvent> Normalize(InboxEvent stored);
}
