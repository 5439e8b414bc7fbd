using Qunzhu.Core.Moderation;
using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Tests.Moderation;

public sealed class ModerationScannerTests
{
    private const string Everything = "代开发票，加V 13812345678，详见 evil.top";
    private static readonly ModerationSettings AllOn = new();
    private static readonly ModerationLists Lists = new(new SensitiveWordMatcher(["发票"]), ["qq.com"]);

    [Fact]
    public void Scan_AllKinds_SensitiveWordFirst() =>
        ModerationScanner.Scan(Everything, AllOn, Lists).ShouldBe(new ModerationFinding(ViolationKind.SensitiveWord, "发票"));

    [Fact]
    public void Scan_WordsOff_AdNext() =>
        ModerationScanner.Scan(Everything, AllOn with { BlockSensitiveWords = false }, Lists)
            .ShouldNotBeNull().Kind.ShouldBe(ViolationKind.Advertising);

    [Fact]
    public void Scan_WordsAndAdsOff_LinkLast() =>
        ModerationScanner.Scan(Everything, AllOn with { BlockSensitiveWords = false, BlockAds = false }, Lists)
            .ShouldBe(new ModerationFinding(ViolationKind.ExternalLink, "evil.top"));

    [Fact]
    public void Scan_EverySwitchOff_ReturnsNull() =>
        ModerationScanner.Scan(Everything, AllOn with { BlockSensitiveWords = false, BlockAds = false, BlockLinks = false }, Lists)
            .ShouldBeNull();

    [Fact]
    public void Scan_ModerationDisabled_ReturnsNull() =>
        ModerationScanner.Scan(Everything, AllOn with { Enabled = false }, Lists).ShouldBeNull();

    [Theory]
    [InlineData("今天 8.30 上课，别迟到")]
    [InlineData("价格 99.9 元，订单号 20231123000012345678")]
    [InlineData("公众号文章 https://mp.weixin.qq.com/s/abc 大家看看")]
    public void Scan_OrdinaryChat_ReturnsNull(string text) => ModerationScanner.Scan(text, AllOn, Lists).ShouldBeNull();
}
