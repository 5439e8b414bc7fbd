using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Qunzhu.Testing.WeCom;

public sealed partial class FakeWeComServer
{
    private readonly ConcurrentDictionary<string, string> _contacts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _welcomeCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Code, string Text)> _welcomes = new();
    private readonly ConcurrentDictionary<string, FakeGroupMessage> _templates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _robotTexts = new();
    private readonly ConcurrentQueue<DateTimeOffset> _robotRecent = new();

    /// <summary>Broadcasts a customer group can receive per month (WeCom caps them; the fail_list names the rest).</summary>
    public int MonthlyCapPerChat { get; set; } = 4;

    public IReadOnlyList<(string Code, string Text)> Welcomes => [.. _welcomes];

    public IReadOnlyList<string> RobotTexts => [.. _robotTexts];

    public IReadOnlyDictionary<string, FakeGroupMessage> GroupMessages => _templates;

    public void AddContact(string externalUserId, string name) => _contacts[externalUserId] = name;

    /// <summary>A welcome code as add_external_contact carries it: usable once, for 20 seconds.</summary>
    public string IssueWelcomeCode()
    {
        var code = "WELCOME_" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        _welcomeCodes[code] = Time.GetUtcNow().AddSeconds(20);
        return code;
    }

    /// <summary>The sender confirms the broadcast in their WeCom app: every group not refused gets it.</summary>
    public void ConfirmGroupMessage(string msgId)
    {
        var t = _templates[msgId];
        foreach (var chat in t.Status.Keys.ToList()) t.Status[chat] = 1;
    }

    private JsonObject GetContact(Dictionary<string, string> query) =>
        query.TryGetValue("external_userid", out var id) && _contacts.TryGetValue(id, out var name)
            ? Ok(o => o["external_contact"] = new JsonObject { ["external_userid"] = id, ["name"] = name, ["type"] = 1, ["gender"] = 0 })
            : Error(84061, "not external contact");

    private JsonObject SendWelcome(JsonNode body)
    {
        var code = (string?)body["welcome_code"] ?? "";
        if (!_welcomeCodes.TryRemove(code, out var expires) || expires < Time.GetUtcNow()) return Error(41051, "welcome_code is invalid or expired");
        var text = (string?)body["text"]?["content"];
        if (string.IsNullOrEmpty(text) && body["attachments"] is null) return Error(41048, "no content to send");
        _welcomes.Enqueue((code, text ?? ""));
        return Ok();
    }

    private JsonObject AddMsgTemplate(JsonNode body)
    {
        if ((string?)body["chat_type"] is not ("single" or "group")) return Error(40058, "invalid chat_type");
        var sender = (string?)body["sender"];
        if (string.IsNullOrEmpty(sender)) return Error(40058, "sender required for chat_type group");
        if (string.IsNullOrEmpty((string?)body["text"]?["content"]) && body["attachments"] is null) return Error(41048, "no content to send");
        var chats = body["chat_id_list"]?.AsArray().Select(n => (string?)n).OfType<string>().ToList() ?? [];
        var failed = new List<string>();
        var msg = new FakeGroupMessage("msg" + Guid.NewGuid().ToString("N")[..20], sender!, (string?)body["text"]?["content"] ?? "");
        foreach (var chat in chats)
        {
            var ok = _groups.TryGetValue(chat, out var g) && g.Owner == sender && _received.AddOrUpdate(chat, 1, (_, n) => n + 1) <= MonthlyCapPerChat;
            if (ok) msg.Status[chat] = 0;
            else failed.Add(chat);
        }
        _templates[msg.MsgId] = msg;
        return Ok(o =>
        {
            o["fail_list"] = new JsonArray([.. failed.Select(f => (JsonNode)JsonValue.Create(f))]);
            o["msgid"] = msg.MsgId;
        });
    }

    private JsonObject GetSendResult(JsonNode body)
    {
        if ((string?)body["msgid"] is not { } id || !_templates.TryGetValue(id, out var t)) return Error(41063, "invalid msgid");
        if ((string?)body["userid"] != t.Sender) return Ok(o => o["send_list"] = new JsonArray());
        return Ok(o => o["send_list"] = new JsonArray([.. t.Status.Select(s => (JsonNode)new JsonObject
        {
            ["chat_id"] = s.Key,
            ["userid"] = t.Sender,
            ["status"] = s.Value,
            ["send_time"] = s.Value == 1 ? Time.GetUtcNow().ToUnixTimeSeconds() : 0,
        })]));
    }

    private JsonObject Robot(Dictionary<string, string> query, JsonNode? body)
    {
        if (query.GetValueOrDefault("key") is not { Length: > 0 } key || key != RobotKey) return Error(93000, "invalid webhook url");
        var now = Time.GetUtcNow();
        lock (_robotRecent)
        {
            while (_robotRecent.TryPeek(out var at) && now - at > TimeSpan.FromMinutes(1)) _robotRecent.TryDequeue(out _);
            if (_robotRecent.Count >= 20) return Error(45009, "api freq out of limit");
            _robotRecent.Enqueue(now);
        }
        if ((string?)body?["msgtype"] != "text" || (string?)body?["text"]?["content"] is not { } text) return Error(40008, "invalid message type");
        _robotTexts.Enqueue(text);
        return Ok();
    }

    public const string RobotKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
}

/// <summary>A broadcast in the fake: per group, 0 waiting for the sender, 1 sent.</summary>
public sealed record FakeGroupMessage(string MsgId, string Sender, string Text)
{
    public ConcurrentDictionary<string, int> Status { get; } = new(StringComparer.Ordinal);
}
