namespace Qunzhu.Bridge.Client;

/// <summary>One inbound event. Which fields are required depends on <see cref="Type"/> (see <see cref="BridgeEventTypes"/>).</summary>
/// <param name="Id">Unique per bridge account, 1–128 characters: a repeated id is a duplicate and has no effect.</param>
/// <param name="Type">One of <see cref="BridgeEventTypes"/>.</param>
/// <param name="ChatId">The platform's chat id, 1–128 characters.</param>
/// <param name="At">When it happened; omitted means when Qunzhu received it.</param>
public sealed record BridgeEvent(
    string Id,
    string Type,
    string ChatId,
    DateTimeOffset? At = null,
    BridgeUser? User = null,
    string? Text = null,
    string? MessageId = null,
    string? InviteCode = null,
    string? Title = null)
{
    public static BridgeEvent ChatDiscovered(string id, string chatId, string title, DateTimeOffset? at = null) =>
        new(id, BridgeEventTypes.ChatDiscovered, chatId, at, Title: title);

    public static BridgeEvent ChatRenamed(string id, string chatId, string title, DateTimeOffset? at = null) =>
        new(id, BridgeEventTypes.ChatRenamed, chatId, at, Title: title);

    public static BridgeEvent MemberJoined(string id, string chatId, BridgeUser user, string? inviteCode = null, DateTimeOffset? at = null) =>
        new(id, BridgeEventTypes.MemberJoined, chatId, at, user, InviteCode: inviteCode);

    public static BridgeEvent MemberLeft(string id, string chatId, BridgeUser user, DateTimeOffset? at = null) =>
        new(id, BridgeEventTypes.MemberLeft, chatId, at, user);

    public static BridgeEvent MessagePosted(string id, string chatId, BridgeUser user, string text, string messageId, DateTimeOffset? at = null) =>
        new(id, BridgeEventTypes.MessagePosted, chatId, at, user, text, messageId);

    public static BridgeEvent JoinRequested(string id, string chatId, BridgeUser user, string? answer = null, DateTimeOffset? at = null) =>
        new(id, BridgeEventTypes.JoinRequested, chatId, at, user, answer);
}
