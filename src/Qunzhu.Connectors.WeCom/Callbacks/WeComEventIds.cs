using System.Security.Cryptography;
using System.Text;

namespace Qunzhu.Connectors.WeCom.Callbacks;

/// <summary>Inbox ids for WeCom. WeCom's callbacks carry no event id, and WeCom retries one it thinks was
/// not answered (up to three times, same content): the id is a hash of the fields that make a callback
/// itself, so the retries are one inbox row. Callbacks that need a WeCom API call afterwards (group
/// changes, a welcome code) start with "fu:" so the follow-up step finds them; rows that step writes have
/// ids made of what they describe (a member's join is chat + user + join_time), so writing one again
/// after a crash or for another callback stores nothing new.</summary>
public static class WeComEventIds
{
    public const string FollowUpPrefix = "fu:";
    private const int MaxLength = 128;

    public static string Callback(WeComCallback c)
    {
        var identity = string.Join('\u001f', c.ToUserName, c.CreateTime, c.Event, c.ChangeType, c.ChatId, c.ExternalUserId, c.UserId,
            c.UpdateDetail, c.JoinScene, c.QuitScene, c.MemChangeCnt, string.Join(',', c.MemChangeList), c.CurMemVer, c.TagId, c.TagType,
            c.State, c.WelcomeCode);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        var kind = $"{c.Event}:{c.ChangeType}";
        return NeedsFollowUp(c) ? $"{FollowUpPrefix}{kind}:{hash}" : $"cb:{kind}:{hash}";
    }

    /// <summary>Group changes need groupchat/get; contact changes update the customer (a welcome code also needs
    /// send_welcome_msg); a deleted corp tag is dropped from customers after reading the tag list.</summary>
    public static bool NeedsFollowUp(WeComCallback c) =>
        (c.IsChatEvent && c.ChangeType is WeComEvents.Create or WeComEvents.Update or WeComEvents.Dismiss)
        || (c.Event == WeComEvents.ChangeExternalContact && !string.IsNullOrEmpty(c.ExternalUserId))
        || (c.Event == WeComEvents.ChangeExternalTag && c.ChangeType == WeComEvents.Delete);

    /// <summary>The inbox's chat id: a group's events in order; a customer's in order; tags together.</summary>
    public static string ChatOf(WeComCallback c) =>
        c.IsChatEvent ? c.ChatId! : c.ExternalUserId is { Length: > 0 } contact ? $"contact:{contact}" : $"{c.Event ?? "event"}";

    public static string Joined(string chatId, string userId, long joinTime) => Bounded($"join:{chatId}:{userId}:{joinTime}");

    public static string Left(string chatId, string userId, long joinTime) => Bounded($"leave:{chatId}:{userId}:{joinTime}");

    /// <summary>The group's name as a follow-up found it (creates or renames the community).</summary>
    public static string Discovered(string sourceEventId) => Bounded($"chat:{sourceEventId}");

    private static string Bounded(string id) => id.Length <= MaxLength
        ? id
        : $"{id[..(MaxLength - 33)]}~{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32]}";
}
