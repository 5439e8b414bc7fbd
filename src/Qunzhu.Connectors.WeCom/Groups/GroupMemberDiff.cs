using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.FollowUps;
using Qunzhu.Core.WeCom;

namespace Qunzhu.Connectors.WeCom.Groups;

/// <summary>Who joined and who left between the last reading of a group and this one. A stay in a group is
/// (user, join_time): someone who left and came back between two readings shows up as a leave and a join.</summary>
public static class GroupMemberDiff
{
    public static (IReadOnlyList<WeComChange> Left, IReadOnlyList<WeComChange> Joined) Compute(
        IReadOnlyCollection<WeComGroupMember> known, GroupChat chat, DateTime at)
    {
        var now = chat.MemberList.GroupBy(m => m.Userid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var admins = chat.AdminList.Select(a => a.Userid).Append(chat.Owner).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var left = known
            .Where(k => !now.TryGetValue(k.UserId, out var m) || m.JoinTime != k.JoinTime)
            .Select(k => new WeComChange(WeComChange.Leave, chat.ChatId, at, k.UserId, JoinTime: k.JoinTime))
            .ToList();
        var stays = known.Select(k => (k.UserId, k.JoinTime)).ToHashSet();
        var joined = now.Values
            .Where(m => !stays.Contains((m.Userid, m.JoinTime)))
            .OrderBy(m => m.JoinTime).ThenBy(m => m.Userid, StringComparer.Ordinal)
            .Select(m => new WeComChange(WeComChange.Join, chat.ChatId, JoinedAt(m, at), m.Userid, NameOf(m), admins.Contains(m.Userid), m.State, m.JoinTime))
            .ToList();
        return (left, joined);
    }

    public static string NameOf(GroupChat.Member m) =>
        !string.IsNullOrWhiteSpace(m.GroupNickname) ? m.GroupNickname! : !string.IsNullOrWhiteSpace(m.Name) ? m.Name! : m.Userid;

    private static DateTime JoinedAt(GroupChat.Member m, DateTime fallback) =>
        m.JoinTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(m.JoinTime).UtcDateTime : fallback;
}
