using System.Text.Json.Nodes;

namespace Qunzhu.Testing.Telegram;

/// <summary>Updates as Telegram sends them (webhook body or getUpdates item), for a supergroup.</summary>
public static class Updates
{
    private static long _nextId = 500_000;

    public static long NextId() => Interlocked.Increment(ref _nextId);

    public static JsonObject User(long id, string firstName, bool isBot = false) =>
        new() { ["id"] = id, ["is_bot"] = isBot, ["first_name"] = firstName };

    public static JsonObject Chat(long chatId, string title) => new() { ["id"] = chatId, ["type"] = "supergroup", ["title"] = title };

    private static long Now() => TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

    public static JsonObject Message(long updateId, long chatId, string title, long userId, string name, string text, int messageId) => new()
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = Now(),
            ["chat"] = Chat(chatId, title),
            ["from"] = User(userId, name),
            ["text"] = text,
        },
    };

    /// <summary>The service message a join also produces.</summary>
    public static JsonObject NewChatMembers(long updateId, long chatId, string title, params (long Id, string Name)[] joiners) => new()
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = (int)(updateId % 1_000_000),
            ["date"] = Now(),
            ["chat"] = Chat(chatId, title),
            ["from"] = User(joiners[0].Id, joiners[0].Name),
            ["new_chat_members"] = new JsonArray([.. joiners.Select(j => (JsonNode)User(j.Id, j.Name))]),
        },
    };

    public static JsonObject ChatMember(long updateId, long chatId, string title, long userId, string name, string oldStatus, string newStatus,
        JsonObject? inviteLink = null, bool myChatMember = false, bool isBot = false)
    {
        var user = User(userId, name, isBot);
        var change = new JsonObject
        {
            ["chat"] = Chat(chatId, title),
            ["from"] = User(userId, name, isBot),
            ["date"] = Now(),
            ["old_chat_member"] = Member(oldStatus, user),
            ["new_chat_member"] = Member(newStatus, user.DeepClone().AsObject()),
        };
        if (inviteLink is not null) change["invite_link"] = inviteLink;
        return new JsonObject { ["update_id"] = updateId, [myChatMember ? "my_chat_member" : "chat_member"] = change };
    }

    /// <summary>The bot was added to a group (my_chat_member: left → member).</summary>
    public static JsonObject BotAdded(long updateId, long chatId, string title) =>
        ChatMember(updateId, chatId, title, FakeBotApi.BotUserId, "Qunzhu Test", "left", "member", myChatMember: true, isBot: true);

    public static JsonObject JoinRequest(long updateId, long chatId, string title, long userId, string name) => new()
    {
        ["update_id"] = updateId,
        ["chat_join_request"] = new JsonObject { ["chat"] = Chat(chatId, title), ["from"] = User(userId, name), ["user_chat_id"] = userId, ["date"] = Now() },
    };

    /// <summary>A vote in a poll the bot sent (no chat: Telegram names only the poll); no options = retracted.</summary>
    public static JsonObject PollAnswer(long updateId, string pollId, long userId, string name, params int[] optionIds) => new()
    {
        ["update_id"] = updateId,
        ["poll_answer"] = new JsonObject
        {
            ["poll_id"] = pollId,
            ["user"] = User(userId, name),
            ["option_ids"] = new JsonArray([.. optionIds.Select(o => (JsonNode)o)]),
        },
    };

    public static JsonObject Link(string url, string? name) => new()
    {
        ["invite_link"] = url,
        ["creator"] = User(FakeBotApi.BotUserId, "Qunzhu Test", isBot: true),
        ["creates_join_request"] = false,
        ["is_primary"] = false,
        ["is_revoked"] = false,
        ["name"] = name,
    };

    private static JsonObject Member(string status, JsonObject user)
    {
        var member = new JsonObject { ["status"] = status, ["user"] = user };
        if (status == "restricted")
        {
            member["is_member"] = true;
            member["until_date"] = 0;
        }
        if (status == "administrator")
        {
            member["can_be_edited"] = false;
            member["is_anonymous"] = false;
        }
        return member;
    }
}
