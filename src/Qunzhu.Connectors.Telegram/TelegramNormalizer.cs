using System.Globalization;
using System.Text.Json;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Ingestion;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using ChatInviteLink = Telegram.Bot.Types.ChatInviteLink;

namespace Qunzhu.Connectors.Telegram;

/// <summary>Reads stored Telegram updates. Every group update starts with a <see cref="ChatDiscovered"/> (a
/// no-op for a known group with the same title), so a group the bot joined before Qunzhu was connected
/// still becomes a community. A join usually arrives twice — as chat_member and as a new_chat_members
/// service message; both become <see cref="MemberJoined"/> and the engine treats a join of someone already
/// in the group as no join, so the member is greeted once whichever comes first. Bots are not members.</summary>
public sealed class TelegramNormalizer : IEventNormalizer
{
    public PlatformKind Platform => PlatformKind.Telegram;

    public IReadOnlyList<ChatEvent> Normalize(InboxEvent stored)
    {
        var update = JsonSerializer.Deserialize<Update>(stored.Payload, JsonBotAPI.Options)
                     ?? throw new JsonException("The stored Telegram update is empty.");
        var id = stored.PlatformEventId;
        if (update.MyChatMember is { } mine) return BotMembership(id, mine);
        if (update.ChatMember is { } member) return IsGroup(member.Chat) ? [Discovered(id, member.Chat, member.Date), .. Membership(id, member)] : [];
        if (update.ChatJoinRequest is { } request && IsGroup(request.Chat) && !request.From.IsBot)
            return [Discovered(id, request.Chat, request.Date), new JoinRequested(id, ChatIdOf(request.Chat), request.Date, UserOf(request.From), CodeOf(request.InviteLink))];
        if (update.Message is { } message && IsGroup(message.Chat)) return [Discovered(id, message.Chat, message.Date), .. FromMessage(id, message)];
        if (update.PollAnswer is { User: { IsBot: false } voter } answer)
            return [new PollAnswered(id, stored.ChatId, stored.ReceivedAt, UserOf(voter), answer.PollId, answer.OptionIds)];
        return [];
    }

    private static List<ChatEvent> BotMembership(string id, ChatMemberUpdated update)
    {
        // Added to a group, or promoted in one: the group becomes (or stays) a community.
        if (!IsGroup(update.Chat) || update.NewChatMember.Status is not (ChatMemberStatus.Member or ChatMemberStatus.Administrator)) return [];
        return [Discovered(id, update.Chat, update.Date)];
    }

    private static List<ChatEvent> Membership(string id, ChatMemberUpdated update)
    {
        var user = update.NewChatMember.User;
        if (user.IsBot) return [];
        var chatId = ChatIdOf(update.Chat);
        var wasIn = update.OldChatMember.IsInChat;
        var isIn = update.NewChatMember.IsInChat;
        if (!wasIn && isIn) return [new MemberJoined(id, chatId, update.Date, UserOf(user, update.NewChatMember.IsAdmin), CodeOf(update.InviteLink))];
        if (wasIn && !isIn) return [new MemberLeft(id, chatId, update.Date, UserOf(user))];
        return [];
    }

    private static List<ChatEvent> FromMessage(string id, Message message)
    {
        var chatId = ChatIdOf(message.Chat);
        var events = new List<ChatEvent>();
        foreach (var joiner in message.NewChatMembers ?? [])
            if (!joiner.IsBot) events.Add(new MemberJoined(id, chatId, message.Date, UserOf(joiner), null));
        if (message.LeftChatMember is { IsBot: false } leaver) events.Add(new MemberLeft(id, chatId, message.Date, UserOf(leaver)));
        var text = message.Text ?? message.Caption;
        // Messages from bots (and an anonymous admin, who posts as GroupAnonymousBot) are not members' messages.
        if (text is not null && message.From is { IsBot: false } from)
            events.Add(new MessagePosted(id, chatId, message.Date, UserOf(from), text, message.MessageId.ToString(CultureInfo.InvariantCulture)));
        return events;
    }

    private static ChatDiscovered Discovered(string id, Chat chat, DateTime at) => new(id, ChatIdOf(chat), at, chat.Title ?? ChatIdOf(chat));

    private static bool IsGroup(Chat chat) => chat.Type is ChatType.Group or ChatType.Supergroup;

    private static string ChatIdOf(Chat chat) => chat.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The link's name when it has one (Qunzhu names every link it creates), else the link itself.</summary>
    private static string? CodeOf(ChatInviteLink? link) => link is null ? null : string.IsNullOrWhiteSpace(link.Name) ? link.InviteLink : link.Name;

    private static ChatUser UserOf(User user, bool isAdmin = false)
    {
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new ChatUser(user.Id.ToString(CultureInfo.InvariantCulture), name.Length > 0 ? name : user.Username ?? "", isAdmin);
    }
}
