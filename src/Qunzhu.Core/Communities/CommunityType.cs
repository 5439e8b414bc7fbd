using System.Text.Json.Serialization;

namespace Qunzhu.Core.Communities;

public enum CommunityType
{
    [JsonStringEnumMemberName("exchange")]
    Exchange,
    [JsonStringEnumMemberName("learning")]
    Learning,
    [JsonStringEnumMemberName("check-in")]
    CheckIn,
    [JsonStringEnumMemberName("group-buy")]
    GroupBuy,
    [JsonStringEnumMemberName("flash")]
    Flash,
}
