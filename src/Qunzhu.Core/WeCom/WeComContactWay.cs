namespace Qunzhu.Core.WeCom;

/// <summary>A "contact me" code (externalcontact/add_contact_way) for one or more staff members; customers
/// who add a staff member through it arrive with its <see cref="State"/>, which attributes them to it.</summary>
public sealed class WeComContactWay
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>≤ 30 characters (WeCom's limit); unique per account.</summary>
    public required string State { get; set; }
    public string? Remark { get; set; }
    public required string ConfigId { get; set; }
    public string? QrCode { get; set; }
    public List<string> UserIds { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}
