namespace Qunzhu.Testing.WeCom;

/// <summary>A customer group in the fake WeCom.</summary>
public sealed class FakeWeComGroup(string chatId, string name, string owner, long createTime)
{
    private readonly List<FakeWeComMember> _members = [];

    public string ChatId { get; } = chatId;
    public string Name { get; set; } = name;
    public string Owner { get; } = owner;
    public long CreateTime { get; } = createTime;
    public List<string> Admins { get; } = [];
    public bool Dismissed { get; set; }

    public IReadOnlyList<FakeWeComMember> Members
    {
        get
        {
            lock (_members) return [.. _members];
        }
    }

    /// <param name="type">1 staff member, 2 customer.</param>
    /// <param name="state">The join way's state the member came through.</param>
    public FakeWeComMember Add(string userId, string name, long joinTime, int type = 2, string? state = null, int joinScene = 3)
    {
        var member = new FakeWeComMember(userId, name, type, joinTime, joinScene, state);
        lock (_members)
        {
            _members.RemoveAll(m => m.UserId == userId);
            _members.Add(member);
        }
        return member;
    }

    public void Remove(string userId)
    {
        lock (_members) _members.RemoveAll(m => m.UserId == userId);
    }
}

public sealed record FakeWeComMember(string UserId, string Name, int Type, long JoinTime, int JoinScene, string? State);
