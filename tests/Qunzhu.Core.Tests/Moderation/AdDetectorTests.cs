using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests.Moderation;

public sealed class AdDetectorTests
{
    [Theory]
    [InlineData("电话13812345678")]
    [InlineData("打 138 1234 5678 咨询")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 13812345678")]
    [InlineData("８６１３８１２３４５６７８")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("1 3 8 1 2 3 4 5 6 7 8")]
    public void Find_MobileNumber_ReportsPhone(string text) =>
        AdDetector.Find(text).ShouldNotBeNull().ShouldStartWith("手机号");

    [Theory]
    [InlineData("加V")]
    [InlineData("加v了解详情")]
    [InlineData("加 V 信")]
    [InlineData("加Ｖ")]
    [InlineData("加ⓥ")]
    [InlineData("加*微*信")]
    [InlineData("加🌹微🌹信")]
    [InlineData("加微信详聊")]
    [InlineData("有需要的添加微信")]
    [InlineData("加薇")]
    [InlineData("找我V信")]
    [InlineData("薇信同号")]
    [InlineData("vx: abc123")]
    [InlineData("VX：abc_123")]
    [InlineData("wx abc12345")]
    [InlineData("微信号：abc123")]
    [InlineData("威信号 abc123")]
    [InlineData("微信：zhang_san88")]
    [InlineData("可以加我好友")]
    [InlineData("加我微信")]
    [InlineData("加个微信吧")]
    public void Find_WeChatLure_ReportsWeChat(string text) =>
        AdDetector.Find(text).ShouldNotBeNull().ShouldStartWith("微信引流");

    [Theory]
    [InlineData("加Q")]
    [InlineData("加QQ详聊")]
    [InlineData("QQ群：12345678")]
    [InlineData("扣扣 123456789")]
    [InlineData("qq 12345678")]
    [InlineData("Q:12345678")]
    [InlineData("加群123456789")]
    public void Find_QqLure_ReportsQq(string text) =>
        AdDetector.Find(text).ShouldNotBeNull().ShouldStartWith("QQ引流");

    [Fact]
    public void Find_PrivateChatBait_ReportsPrivateChat() =>
        AdDetector.Find("私聊有惊喜哦").ShouldNotBeNull().ShouldStartWith("私聊引流");

    [Theory]
    [InlineData("订单号 20231123000012345678")]
    [InlineData("价格 99.9 元")]
    [InlineData("今天 8.30 上课")]
    [InlineData("时间戳 1700000000000")]
    [InlineData("房间 1304 5678 123")]
    [InlineData("大家参加微信群的讨论")]
    [InlineData("增加微博关注")]
    [InlineData("老师很有威信")]
    [InlineData("电视tv信号不好")]
    [InlineData("会员加vip有折扣")]
    [InlineData("这次更加微妙了")]
    [InlineData("我要参加我好友的婚礼")]
    [InlineData("微信支付可以吗")]
    [InlineData("怎么改微信号")]
    [InlineData("这个wx小程序挺好用")]
    [InlineData("给照片加个微笑")]
    [InlineData("卡号 6222 1381 2345 6789")]
    [InlineData("2023-11-23 13:45:12")]
    [InlineData("今天天气不错，大家早点休息")]
    [InlineData("")]
    public void Find_OrdinaryChat_ReturnsNull(string text) => AdDetector.Find(text).ShouldBeNull();
}
