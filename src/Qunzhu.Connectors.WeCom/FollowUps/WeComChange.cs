using System.Text.Json;

namespace Qunzhu.Connectors.WeCom.FollowUps;

/// <summary>What the follow-up step learnt from groupchat/get, stored as its own inbox row (JSON) and turned
/// into a ChatEvent by the normalizer: a member's join or leave, or the group's name.</summary>
/// <param name="Kind">join, leave or chat.</param>
/// <param name="State">The join way state the member came through (attribution), from groupchat/get.</param>
/// <param name="JoinTime">WeCom's join_time of the stay that began (join) or ended (leave).</param>
public sealed record WeComChange(string Kind, string ChatId, DateTime At, string? UserId = null, string? Name = null,
    bool IsAdmin = false, string? State = null, long JoinTime = 0, string? Title = null)
{
    public const string Join = "join";
    public const string Leave = "leave";
    public const string Chat = "chat";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WeComChange? FromJson(string json) => JsonSerializer.Deserialize<WeComChange>(json, Json);
}
