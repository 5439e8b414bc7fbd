namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>externalcontact/add_contact_way: a "contact me" QR code for staff members, tagged with a state.</summary>
/// <param name="Type">1 = one staff member, 2 = several.</param>
/// <param name="Scene">1 = mini-program button, 2 = QR code.</param>
public sealed record ContactWay(int Type, int Scene, IReadOnlyList<string> User, string? State = null, string? Remark = null, bool SkipVerify = true)
{
    public sealed record Created : WeComResponse
    {
        public string? ConfigId { get; init; }
        public string? QrCode { get; init; }
    }
}
