using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests;

public sealed class AdDetectorTests
{
    [Theory]
    [InlineData("电话13812345678")]
    [InlineData("打 138 1234 5678 咨询")]
    [InlineData("138-1234-5678")]
    [InlineData("加V信领福利")]
    [InlineData("加 微 信 abc")]
    [InlineData("vx: abc12345")]
    [InlineData("有事加我好友")]
    [InlineData("进QQ群123456")]
    public void Find_Lures_Detected(string text) => AdDetector.Find(text).ShouldNotBeNull();

    [Theory]
    [InlineData("订单号 20231123000012345678")]
    [InlineData("价格 1380 元，限 50 份")]
    [InlineData("今天 8 点上课，记得签到")]
    [InlineData("加VIP群需要审核吗")]
    [InlineData("微信读书真好用")]
    public void Find_OrdinaryChat_ReturnsNull(string text) => AdDetector.Find(text).ShouldBeNull();
}
