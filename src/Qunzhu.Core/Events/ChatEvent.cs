namespace Qunzhu.Core.Events;

/// <summary>A platform event, normalized. Connectors turn their payloads into these.</summary>
/// <param name="EventId">The platform's id for the event; the inbox is unique on it per account.</param>
/// <param name="ChatId">The platform's chat id.</param>
/// <param name="At">When the platform says it happened (UTC).</param>
public abstract record ChatEvent(string EventId, string ChatId, DateTime At);

/// <summary>A person joined a chat, possibly through an invite code / link / channel state.</summary>
public sealed record MemberJoined(string EventId, string ChatId, DateTime At, ChatUser User, string? InviteCode)
    : ChatEvent(EventId, ChatId, At);

/// <summary>A person left a chat (or was removed by someone else).</summary>
public sealed record MemberLeft(string EventId, string ChatId, DateTime At, ChatUser User)
    : ChatEvent(EventId, ChatId, At);

/// <summary>A person posted a message.</summary>
public sealed record MessagePosted(string EventId, string ChatId, DateTime At, ChatUser User, string Text, string? MessageId)
    : ChatEvent(EventId, ChatId, At);

/// <summary>A person as a platform describes them.</summary>
public sealed record ChatUser(string Id, string Name, bool IsChatAdmin = false);

/// <summary>The bot learned of a chat (it was added to a group, a group was created or renamed). The engine
/// creates the community for the account when it is new (the default template applies) or renames it.</summary>
public sealed record ChatDiscovered(string EventId, string ChatId, DateTime At, string Title)
    : ChatEvent(EventId, ChatId, At);

/// <summary>A person asked to join a chat that admits members by approval (Telegram join requests).</summary>
public sealed record JoinRequested(string EventId, string ChatId, DateTime At, ChatUser User, string? InviteCode)
    : ChatEvent(EventId, ChatId, At);

/// <summary>A person answered (or changed, or retracted) their vote in a poll the bot sent. Platforms such as
/// Telegram do not say in which chat: the poll id ties the answer to the poll. <see cref="OptionIds"/> is
/// empty for a retracted vote.</summary>
public sealed record PollAnswered(string EventId, string ChatId, DateTime At, ChatUser User, string PollId, IReadOnlyList<int> OptionIds)
    : ChatEvent(EventId, ChatId, At);
