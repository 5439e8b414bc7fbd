using System.Globalization;
using System.Text.Json;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.Telegram;

/// <summary>Stores a raw update in the inbox, keyed by its update_id, under the chat it is about (so a group's
/// updates are processed in order). Webhook and polling both come through here.</summary>
public sealed class TelegramInbox(IInboxWriter inbox)
{
    private static readonly string[] ChatCarriers = ["message", "edited_message", "chat_member", "my_chat_member", "chat_join_request", "channel_post"];

    /// <returns>True when stored, false for a redelivered update_id, null when the body is not an update.</returns>
    public async Task<bool?> AcceptAsync(AccountSettings account, string rawUpdate, CancellationToken ct)
    {
        string eventId;
        string chatId;
        try
        {
            using var doc = JsonDocument.Parse(rawUpdate);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("update_id", out var id) || !id.TryGetInt64(out var updateId)) return null;
            eventId = updateId.ToString(CultureInfo.InvariantCulture);
            chatId = ChatOf(root);
        }
        catch (JsonException)
        {
            return null;
        }
        return await inbox.AcceptAsync(new InboxItem(account.WorkspaceId, account.AccountId, PlatformKind.Telegram, eventId, chatId, rawUpdate), ct);
    }

    /// <summary>The chat id, or for updates without a chat (poll_answer) a stand-in that keeps them apart.</summary>
    private static string ChatOf(JsonElement update)
    {
        foreach (var carrier in ChatCarriers)
        {
            if (update.TryGetProperty(carrier, out var body) && body.TryGetProperty("chat", out var chat) && chat.TryGetProperty("id", out var id))
                return id.GetRawText();
        }
        if (update.TryGetProperty("poll_answer", out var answer) && answer.TryGetProperty("poll_id", out var poll))
            return "poll:" + poll.GetString();
        return "bot";
    }
}
