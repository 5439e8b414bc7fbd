namespace Qunzhu.Core.WeCom;

/// <summary>A channel code on WeCom: a join way (QR code into up to five customer groups) whose state marks
/// everyone who joins through it. Members whose groupchat/get state equals <see cref="State"/> are attributed to it.</summary>
public sealed class WeComJoinWay
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>≤ 30 characters (WeCom's limit); unique per account, so a join is attributed to one code.</summary>
    public required string State { get; set; }
    public string? Remark { get; set; }
    /// <summary>WeCom's config_id of the join way.</summary>
    public required string ConfigId { get; set; }
    /// <summary>The QR code image URL WeCom returned (get_join_way).</summary>
    public string? QrCode { get; set; }
    public List<Guid> CommunityIds { get; set; } = [];
    public List<string> ChatIds { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}
