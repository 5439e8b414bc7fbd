using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Qunzhu.Testing.WeCom;

public sealed partial class FakeWeComServer
{
    private readonly ConcurrentDictionary<string, FakeWeComGroup> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _joinWays = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _contactWays = new(StringComparer.Ordinal);

    public FakeWeComGroup AddGroup(string chatId, string name, string owner = "zhangsan")
    {
        var group = new FakeWeComGroup(chatId, name, owner, Time.GetUtcNow().ToUnixTimeSeconds());
        group.Add(owner, "张三", group.CreateTime, type: 1, joinScene: 1);
        _groups[chatId] = group;
        return group;
    }

    public FakeWeComGroup Group(string chatId) => _groups[chatId];

    /// <summary>The join ways created so far, by config_id (as WeCom stores them).</summary>
    public IReadOnlyDictionary<string, JsonObject> JoinWays => _joinWays;

    public IReadOnlyDictionary<string, JsonObject> ContactWays => _contactWays;

    private JsonObject ListGroups(JsonNode body)
    {
        var limit = (int?)body["limit"] ?? 0;
        if (limit is < 1 or > 1000) return Error(40058, "invalid limit, hint: limit must be in [1,1000]");
        var all = _groups.Values.Where(g => !g.Dismissed).OrderBy(g => g.ChatId, StringComparer.Ordinal).ToList();
        var start = int.TryParse((string?)body["cursor"], out var c) ? c : 0;
        var page = all.Skip(start).Take(limit).ToList();
        return Ok(o =>
        {
            o["group_chat_list"] = new JsonArray([.. page.Select(g => (JsonNode)new JsonObject { ["chat_id"] = g.ChatId, ["status"] = 0 })]);
            o["next_cursor"] = start + page.Count < all.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        });
    }

    private JsonObject GetGroup(JsonNode body)
    {
        var chatId = (string?)body["chat_id"];
        if (chatId is null || !_groups.TryGetValue(chatId, out var g) || g.Dismissed) return Error(40050, "chatid not found");
        var needName = (int?)body["need_name"] == 1;
        return Ok(o => o["group_chat"] = new JsonObject
        {
            ["chat_id"] = g.ChatId,
            ["name"] = g.Name,
            ["owner"] = g.Owner,
            ["create_time"] = g.CreateTime,
            ["notice"] = "",
            ["member_list"] = new JsonArray([.. g.Members.Select(m => (JsonNode)Member(m, needName))]),
            ["admin_list"] = new JsonArray([.. g.Admins.Select(a => (JsonNode)new JsonObject { ["userid"] = a })]),
            ["member_version"] = $"v{g.Members.Sum(m => m.JoinTime) % 100000}{g.Members.Count}",
        });
    }

    private static JsonObject Member(FakeWeComMember m, bool needName)
    {
        var o = new JsonObject
        {
            ["userid"] = m.UserId,
            ["type"] = m.Type,
            ["join_time"] = m.JoinTime,
            ["join_scene"] = m.JoinScene,
            ["invitor"] = new JsonObject { ["userid"] = "zhangsan" },
            ["group_nickname"] = "",
        };
        if (needName) o["name"] = m.Name;
        if (m.Type == 2) o["unionid"] = "oAAAAAAA" + m.UserId;
        if (m.State is not null) o["state"] = m.State;
        return o;
    }

    private JsonObject AddJoinWay(JsonNode body)
    {
        var chats = body["chat_id_list"]?.AsArray().Select(n => (string?)n).OfType<string>().ToList() ?? [];
        var state = (string?)body["state"];
        var scene = (int?)body["scene"];
        if (scene is not (1 or 2)) return Error(40058, "invalid scene");
        if (chats.Count is 0 or > 5) return Error(40058, "chat_id_list size must be in [1,5]");
        if (state is { Length: > 30 }) return Error(40058, "state exceed max length 30");
        if (chats.FirstOrDefault(id => !_groups.ContainsKey(id)) is { } missing) return Error(40050, $"chatid {missing} not found");
        var configId = Guid.NewGuid().ToString("N");
        _joinWays[configId] = new JsonObject
        {
            ["config_id"] = configId,
            ["scene"] = scene,
            ["remark"] = (string?)body["remark"] ?? "",
            ["auto_create_room"] = (int?)body["auto_create_room"] ?? 0,
            ["chat_id_list"] = new JsonArray([.. chats.Select(id => (JsonNode)JsonValue.Create(id))]),
            ["qr_code"] = $"https://wework.qpic.cn/wwpic/fake_join_way_{configId}/0",
            ["state"] = state ?? "",
        };
        return Ok(o => o["config_id"] = configId);
    }

    private JsonObject GetJoinWay(JsonNode body) =>
        (string?)body["config_id"] is { } id && _joinWays.TryGetValue(id, out var way)
            ? Ok(o => o["join_way"] = way.DeepClone())
            : Error(41044, "invalid config_id");

    private JsonObject AddContactWay(JsonNode body)
    {
        var type = (int?)body["type"];
        var scene = (int?)body["scene"];
        var users = body["user"]?.AsArray().Count ?? 0;
        if (type is not (1 or 2) || scene is not (1 or 2)) return Error(40058, "invalid type or scene");
        if (users == 0 || (type == 1 && users > 1)) return Error(40058, "user list size invalid");
        if (((string?)body["state"])?.Length > 30) return Error(40058, "state exceed max length 30");
        var configId = Guid.NewGuid().ToString("N");
        _contactWays[configId] = body.AsObject().DeepClone().AsObject();
        return Ok(o =>
        {
            o["config_id"] = configId;
            if (scene == 2) o["qr_code"] = $"https://wework.qpic.cn/wwpic/fake_contact_way_{configId}/0";
        });
    }
}
