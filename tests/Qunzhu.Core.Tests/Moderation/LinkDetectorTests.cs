using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests.Moderation;

public sealed class LinkDetectorTests
{
    private static readonly string[] AllowQq = ["qq.com"];

    [Theory]
    [InlineData("看 https://evil.com/path?x=1 哦", "evil.com")]
    [InlineData("http://1.2.3.4:8080/x", "1.2.3.4")]
    [InlineData("www.example.ru", "www.example.ru")]
    [InlineData("example.com/path", "example.com")]
    [InlineData("频道 t.me/spam_channel", "t.me")]
    [InlineData("看这里abc.cn哦", "abc.cn")]
    [InlineData("ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ", "www.example.com")]
    [InlineData("EXAMPLE.COM", "example.com")]
    [InlineData("bit.ly/abc", "bit.ly")]
    [InlineData("https://qq.com@evil.com", "evil.com")]
    [InlineData("exa\u200Bmple.com", "example.com")]
    [InlineData("qq.com.evil.xyz", "qq.com.evil.xyz")]
    [InlineData("sub.domain.example.co.uk 不错", "sub.domain.example.co.uk")]
    public void FindDisallowedLink_Links_ReturnsHost(string text, string host) =>
        LinkDetector.FindDisallowedLink(text, []).ShouldBe(host);

    [Theory]
    [InlineData("今天 8.30 上课")]
    [InlineData("价格 99.9 元")]
    [InlineData("圆周率 3.14，约等于 3.1416")]
    [InlineData("等等...好吧......")]
    [InlineData("版本 v1.2.3 发布了")]
    [InlineData("我的邮箱 john.info@gmail.com")]
    [InlineData("有问题联系 support@example.com 谢谢")]
    [InlineData("订单号 20231123000012345678")]
    [InlineData("好的。明天见。")]
    [InlineData("晚上8点开会")]
    [InlineData("Mr.Wang 你好")]
    [InlineData("我们用 ASP.NET 和 Node.js 写的")]
    [InlineData("文件 report.pdf 发你了")]
    public void FindDisallowedLink_OrdinaryChat_ReturnsNull(string text) =>
        LinkDetector.FindDisallowedLink(text, []).ShouldBeNull();

    [Theory]
    [InlineData("https://mp.weixin.qq.com/s/abc")]
    [InlineData("qq.com")]
    [InlineData("看 WWW.QQ.COM")]
    public void FindDisallowedLink_AllowedDomainOrSubdomain_ReturnsNull(string text) =>
        LinkDetector.FindDisallowedLink(text, AllowQq).ShouldBeNull();

    [Fact]
    public void FindDisallowedLink_LookalikeOfAllowedDomain_ReturnsHost() =>
        LinkDetector.FindDisallowedLink("evilqq.com", AllowQq).ShouldBe("evilqq.com");

    [Fact]
    public void FindDisallowedLink_AllowedLinkThenOther_ReturnsOther() =>
        LinkDetector.FindDisallowedLink("先看 qq.com 再看 evil.top", AllowQq).ShouldBe("evil.top");

    [Theory]
    [InlineData("qq.com", "qq.com", true)]
    [InlineData("MP.Weixin.QQ.com", "qq.com", true)]
    [InlineData("qq.com.", "qq.com", true)]
    [InlineData("evilqq.com", "qq.com", false)]
    [InlineData("qq.com", "*.qq.com", true)]
    [InlineData("a.qq.com", "https://qq.com/", true)]
    [InlineData("qq.com", "www.qq.com", false)]
    [InlineData("qq.com", "", false)]
    public void IsAllowed_HostAndEntry_MatchesDomainAndSubdomains(string host, string entry, bool allowed) =>
        LinkDetector.IsAllowed(host, [entry]).ShouldBe(allowed);
}
