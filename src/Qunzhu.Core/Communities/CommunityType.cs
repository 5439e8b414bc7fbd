namespace Qunzhu.Core.Communities;

public enum CommunityType
{
    Exchange,
    Learning,
    CheckIn,
    GroupBuy,
    Flash,
}
