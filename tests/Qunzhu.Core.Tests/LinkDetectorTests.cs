using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests;

public sealed class LinkDetectorTests
{
    [Theory]
    [InlineData("看这里 http://spam.example.com/x", "spam.example.com")]
    [InlineData("福利https://t.cn/abc", "t.cn")]
    [InlineData("看这里abc.cn哦", "abc.cn")]
    [InlineData("www.promo.top 优惠", "www.promo.top")]
    [InlineData("t.me/joinchat/xyz", "t.me")]
    [InlineData("ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ", "www.example.com")]
    [InlineData("spam。com", "spam.com")]
    public void FindDisallowedLink_Links_ReturnsHost(string text, string host) =>
        LinkDetector.FindDisallowedLink(text, []).ShouldBe(host);

    [Theory]
    [InlineData("今天 8.30 上课")]
    [InlineData("价格 99.9 元")]
    [InlineData("版本 3.14.15 已发布")]
    [InlineData("邮箱 someone@example.com 联系")]
    [InlineData("好的...明天见")]
    [InlineData("订单号 20231123000012345678")]
    public void FindDisallowedLink_OrdinaryChat_ReturnsNull(string text) => LinkDetector.FindDisallowedLink(text, []).ShouldBeNull();

    [Theory]
    [InlineData("https://mp.weixin.qq.com/s/abc")]
    [InlineData("qq.com")]
    [InlineData("https://WWW.QQ.COM")]
    public void FindDisallowedLink_AllowedDomainAndSubdomains_ReturnsNull(string text) =>
        LinkDetector.FindDisallowedLink(text, ["qq.com"]).ShouldBeNull();

    [Fact]
    public void FindDisallowedLink_LookalikeOfAllowedDomain_Flagged() =>
        LinkDetector.FindDisallowedLink("http://notqq.com", ["qq.com"]).ShouldBe("notqq.com");
}
