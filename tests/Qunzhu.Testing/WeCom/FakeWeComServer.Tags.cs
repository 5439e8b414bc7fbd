using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Qunzhu.Testing.WeCom;

public sealed partial class FakeWeComServer
{
    private readonly ConcurrentDictionary<string, JsonObject> _tagGroups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string User, string Contact), HashSet<string>> _marks = new();

    /// <summary>Tags a staff member has put on a customer.</summary>
    public IReadOnlySet<string> TagsOf(string userId, string externalUserId) =>
        _marks.TryGetValue((userId, externalUserId), out var tags) ? tags : new HashSet<string>();

    /// <summary>An admin deletes a tag in WeCom's console: it is gone from get_corp_tag_list and from customers.</summary>
    public void DeleteTag(string tagId)
    {
        foreach (var group in _tagGroups.Values)
        {
            var tags = group["tag"]!.AsArray();
            foreach (var tag in tags.Where(t => (string?)t?["id"] == tagId).ToList()) tags.Remove(tag);
        }
        foreach (var set in _marks.Values)
            lock (set) set.Remove(tagId);
    }

    private JsonObject GetTags() => Ok(o => o["tag_group"] = new JsonArray([.. _tagGroups.Values.Select(g => g.DeepClone())]));

    private JsonObject AddTag(JsonNode body)
    {
        var tags = body["tag"]?.AsArray() ?? [];
        if (tags.Count == 0) return Error(40071, "tag list empty");
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        var groupId = (string?)body["group_id"];
        JsonObject group;
        if (groupId is not null)
        {
            if (!_tagGroups.TryGetValue(groupId, out group!)) return Error(40068, "invalid tag group id");
        }
        else
        {
            var name = (string?)body["group_name"];
            if (string.IsNullOrWhiteSpace(name)) return Error(40071, "group_name required");
            groupId = "et" + Guid.NewGuid().ToString("N")[..20];
            group = new JsonObject { ["group_id"] = groupId, ["group_name"] = name, ["create_time"] = now, ["order"] = 0, ["deleted"] = false, ["tag"] = new JsonArray() };
            _tagGroups[groupId] = group;
        }
        var added = new JsonArray();
        foreach (var t in tags)
        {
            var tag = new JsonObject { ["id"] = "et" + Guid.NewGuid().ToString("N")[..22], ["name"] = (string?)t?["name"], ["create_time"] = now, ["order"] = (int?)t?["order"] ?? 0, ["deleted"] = false };
            group["tag"]!.AsArray().Add(tag);
            added.Add(tag.DeepClone());
        }
        var answer = group.DeepClone().AsObject();
        answer["tag"] = added;
        return Ok(o => o["tag_group"] = answer);
    }

    private JsonObject MarkTag(JsonNode body)
    {
        var user = (string?)body["userid"];
        var contact = (string?)body["external_userid"];
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(contact)) return Error(40058, "userid and external_userid required");
        if (!_contacts.ContainsKey(contact)) return Error(84061, "not external contact");
        var known = _tagGroups.Values.SelectMany(g => g["tag"]!.AsArray()).Select(t => (string?)t?["id"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var add = body["add_tag"]?.AsArray().Select(n => (string?)n).OfType<string>().ToList() ?? [];
        var remove = body["remove_tag"]?.AsArray().Select(n => (string?)n).OfType<string>().ToList() ?? [];
        if (add.Concat(remove).FirstOrDefault(id => !known.Contains(id)) is not null) return Error(40068, "invalid tagid");
        var set = _marks.GetOrAdd((user, contact), _ => []);
        lock (set)
        {
            set.UnionWith(add);
            set.ExceptWith(remove);
        }
        return Ok();
    }
}
