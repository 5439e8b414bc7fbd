using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests.Moderation;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("加 微 信")]
    [InlineData("加*微*信")]
    [InlineData("加.微.信")]
    [InlineData("加　微　信")] // ideographic spaces
    [InlineData("加\u200B微\u200D信\uFEFF")]
    [InlineData("加🌹微🌹信")]
    [InlineData("加，微、信！")]
    public void Normalize_SeparatorsBetweenCharacters_AreRemoved(string text) =>
        TextNormalizer.Normalize(text).ShouldBe("加微信");

    [Theory]
    [InlineData("ＶＸ：ａｂｃ１２３", "vxabc123")]
    [InlineData("v.x", "vx")]
    [InlineData("WeChat ID", "wechatid")]
    [InlineData("加ⓥ", "加v")] // circled letter
    [InlineData("⾦钱", "金钱")] // Kangxi radical that looks like the ideograph
    public void Normalize_FullWidthAndCapitals_FoldToLowerHalfWidth(string text, string expected) =>
        TextNormalizer.Normalize(text).ShouldBe(expected);

    [Fact]
    public void Normalize_AlreadyFolded_ReturnsSameInstance()
    {
        const string text = "今天天气不错abc123";
        TextNormalizer.Normalize(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void FoldWidthAndCase_FullWidthDomain_KeepsDotsAndLength()
    {
        var folded = TextNormalizer.FoldWidthAndCase("看ｗｗｗ．ＥＸＡＭＰＬＥ．ｃｏｍ　哦");
        folded.ShouldBe("看www.example.com 哦");
    }
}
