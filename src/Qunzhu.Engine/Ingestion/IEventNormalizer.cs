using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Engine.Ingestion;

/// <summary>Turns one platform's stored payloads into <see cref="ChatEvent"/>s.</summary>
public interface IEventNormalizer
{
    /// <summary>The platform whose payloads this reads.</summary>
    PlatformKind Platform { get; }

    /// <summary>The normalized event, or null for payloads the engine has nothing to do with.</summary>
    ChatEvent? Normalize(InboxEvent stored);
}
