using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests;

public sealed class SensitiveWordMatcherTests
{
    [Theory]
    [InlineData("这里有赌博网站", "赌博")]
    [InlineData("赌 博", "赌博")]
    [InlineData("赌*博", "赌博")]
    [InlineData("赌\u200B博", "赌博")]
    [InlineData("ＶＰＮ翻墙", "vpn")]
    [InlineData("cheap VPN here", "vpn")]
    public void FindFirst_SeparatorsAndWidthTricks_StillFound(string text, string expected) =>
        new SensitiveWordMatcher(["赌博", "vpn", "代开发票"]).FindFirst(text).ShouldBe(expected);

    [Fact]
    public void FindFirst_CleanText_ReturnsNull() =>
        new SensitiveWordMatcher(["赌博", "代开发票"]).FindFirst("今天一起读书，分享心得").ShouldBeNull();

    [Fact]
    public void FindFirst_ReturnsWordAsGiven() =>
        new SensitiveWordMatcher(["  ＶＰＮ  "]).FindFirst("vpn").ShouldBe("ＶＰＮ");

    [Fact]
    public void FindAll_OverlappingWords_AllReported()
    {
        var matcher = new SensitiveWordMatcher(["发票", "代开发票", "开发"]);
        matcher.FindAll("可以代开发票").ShouldBe(["开发", "代开发票", "发票"], ignoreOrder: true);
    }

    [Fact]
    public void Build_DuplicatesAndBlanks_Ignored() => new SensitiveWordMatcher(["a1", "A1", " ", ""]).Count.ShouldBe(1);

    [Fact]
    public void FindFirst_TenThousandWords_EveryWordFoundAndNothingElse()
    {
        var random = new Random(20261123);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < 10_000)
            words.Add(new string([.. Enumerable.Range(0, random.Next(2, 5)).Select(_ => (char)random.Next(0x4E00, 0x9FA5))]));
        var matcher = new SensitiveWordMatcher(words);

        foreach (var word in words.Take(2_000))
            matcher.FindFirst($"前缀{word}后缀").ShouldNotBeNull();
        // Text made only of characters outside the CJK block cannot contain any of the words.
        matcher.FindFirst(string.Concat(Enumerable.Repeat("hello world 123 ，。！", 500))).ShouldBeNull();
    }

    [Fact]
    public void Empty_FindsNothing() => SensitiveWordMatcher.Empty.FindFirst("任何内容").ShouldBeNull();
}
