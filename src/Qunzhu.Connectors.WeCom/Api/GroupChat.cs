namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>externalcontact/groupchat/get (need_name=1): a customer group and who is in it.</summary>
public sealed record GroupChat
{
    public required string ChatId { get; init; }
    public string? Name { get; init; }
    public string? Owner { get; init; }
    public long CreateTime { get; init; }
    public string? Notice { get; init; }
    public IReadOnlyList<Member> MemberList { get; init; } = [];
    public IReadOnlyList<Admin> AdminList { get; init; } = [];
    public string? MemberVersion { get; init; }

    /// <param name="Type">1 = a staff member of the corp, 2 = an external contact (customer).</param>
    /// <param name="JoinScene">1 = invited directly, 2 = by link, 3 = by QR code.</param>
    /// <param name="State">The state of the join way the member came through, if any: attribution.</param>
    public sealed record Member(string Userid, int Type, long JoinTime, int JoinScene, string? Name = null, string? GroupNickname = null,
        string? State = null, string? Unionid = null, Invitor? Invitor = null);

    public sealed record Invitor(string Userid);

    public sealed record Admin(string Userid);

    public sealed record Found : WeComResponse
    {
        public GroupChat? GroupChat { get; init; }
    }

    /// <summary>externalcontact/groupchat/list: one page of chat ids.</summary>
    public sealed record Page : WeComResponse
    {
        public IReadOnlyList<Listed> GroupChatList { get; init; } = [];
        public string? NextCursor { get; init; }
    }

    /// <param name="Status">0 normal, 1 owner left, 2 owner leaving (handover), 3 handover done.</param>
    public sealed record Listed(string ChatId, int Status);
}
