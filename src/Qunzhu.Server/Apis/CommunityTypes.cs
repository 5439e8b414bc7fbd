using Qunzhu.Core.Communities;

namespace Qunzhu.Server.Apis;

/// The API names of community types: exchange, learning, check-in, group-buy, flash.
public static class CommunityTypes
{
    private static readonly Dictionary<string, CommunityType> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["exchange"] = CommunityType.Exchange,
        ["learning"] = CommunityType.Learning,
        ["check-in"] = CommunityType.CheckIn,
        ["checkin"] = CommunityType.CheckIn,
        ["group-buy"] = CommunityType.GroupBuy,
        ["groupbuy"] = CommunityType.GroupBuy,
        ["flash"] = CommunityType.Flash,
    };

    public static IEnumerable<string> Names => ["exchange", "learning", "check-in", "group-buy", "flash"];

    /// Null or empty means exchange, the most common kind of group.
    public static bool TryParse(string? value, out CommunityType type)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            type = CommunityType.Exchange;
            return true;
        }
        return ByName.TryGetValue(value.Trim(), out type);
    }
}
