using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qunzhu.Testing.Telegram;

public sealed partial class FakeBotApi
{
    private static (int, JsonObject) Ok(JsonNode result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static (int, JsonObject) Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds) body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return (code, body);
    }

    private JsonObject Message(string chatId, string text) => new()
    {
        ["message_id"] = Interlocked.Increment(ref _nextMessageId),
        ["date"] = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
        ["chat"] = new JsonObject { ["id"] = long.Parse(chatId), ["type"] = chatId.StartsWith('-') ? "supergroup" : "private", ["title"] = "group" },
        ["from"] = new JsonObject { ["id"] = BotUserId, ["is_bot"] = true, ["first_name"] = "Qunzhu Test", ["username"] = "qunzhu_test_bot" },
        ["text"] = text,
    };

    private static JsonObject InviteLink(JsonElement p)
    {
        var link = new JsonObject
        {
            ["invite_link"] = "https://t.me/+" + Guid.NewGuid().ToString("N")[..16],
            ["creator"] = new JsonObject { ["id"] = BotUserId, ["is_bot"] = true, ["first_name"] = "Qunzhu Test" },
            ["creates_join_request"] = p.TryGetProperty("creates_join_request", out var j) && j.GetBoolean(),
            ["is_primary"] = false,
            ["is_revoked"] = false,
        };
        if (p.TryGetProperty("name", out var name)) link["name"] = name.GetString();
        if (p.TryGetProperty("member_limit", out var limit)) link["member_limit"] = limit.GetInt32();
        return link;
    }

    /// <summary>getUpdates: drops updates below the offset (confirmed), returns the rest, or waits up to the
    /// long-poll timeout (at most 5 s here) for one to arrive.</summary>
    private async Task<JsonArray> UpdatesAsync(JsonElement p)
    {
        var offset = p.TryGetProperty("offset", out var o) ? o.GetInt64() : 0;
        var timeout = Math.Min(p.TryGetProperty("timeout", out var t) ? t.GetInt32() : 0, 5);
        var until = TimeProvider.System.GetUtcNow().AddSeconds(timeout);
        while (true)
        {
            lock (_lock)
            {
                _updates.RemoveAll(u => (long)u["update_id"]! < offset);
                if (_updates.Count > 0) return [.. _updates.Select(u => u.DeepClone())];
            }
            var left = until - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero) return [];
            await _updateArrived.WaitAsync(left);
        }
    }
}
