namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>externalcontact/groupchat/add_join_way and get_join_way: a QR code into up to five customer
/// groups. Members who join through it carry its state in groupchat/get.</summary>
/// <param name="Scene">1 = mini-program plug-in, 2 = QR code plug-in (the one with a qr_code).</param>
/// <param name="AutoCreateRoom">1 = WeCom opens a new group when the last one is full.</param>
public sealed record JoinWay(int Scene, IReadOnlyList<string> ChatIdList, string? State, string? Remark, int AutoCreateRoom = 0)
{
    public const int MaxStateLength = 30;
    public const int MaxChats = 5;

    public string? ConfigId { get; init; }
    public string? QrCode { get; init; }
    public string? RoomBaseName { get; init; }
    public int? RoomBaseId { get; init; }

    /// <summary>WeCom's own limits, checked before calling it; null when the join way is acceptable.</summary>
    public static string? Check(IReadOnlyCollection<string> chatIds, string? state)
    {
        if (chatIds.Count is 0 or > MaxChats) return $"A join way leads into 1 to {MaxChats} groups (WeCom's limit); {chatIds.Count} were given.";
        if (state is { Length: > MaxStateLength }) return $"The state has at most {MaxStateLength} characters (WeCom's limit); it has {state.Length}.";
        return null;
    }

    public sealed record Created : WeComResponse
    {
        public string? ConfigId { get; init; }
    }

    public sealed record Found : WeComResponse
    {
        public JoinWay? JoinWay { get; init; }
    }
}
