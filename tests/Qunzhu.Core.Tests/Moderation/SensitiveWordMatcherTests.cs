using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests.Moderation;

public sealed class SensitiveWordMatcherTests
{
    [Theory]
    [InlineData("来 赌*博 啊")]
    [InlineData("来赌\u200B博啊")]
    [InlineData("来赌🎲博啊")]
    public void FindFirst_SeparatorEvasion_ReturnsWord(string text) =>
        new SensitiveWordMatcher(["赌博"]).FindFirst(text).ShouldBe("赌博");

    [Fact]
    public void FindFirst_FullWidthText_MatchesAsciiWord() =>
        new SensitiveWordMatcher(["Casino"]).FindFirst("去ＣＡＳＩＮＯ玩").ShouldBe("Casino");

    [Fact]
    public void FindFirst_WordWrittenWithSeparators_ReturnsWordAsGiven() =>
        new SensitiveWordMatcher(["加 微信"]).FindFirst("快加微信").ShouldBe("加 微信");

    [Fact]
    public void FindFirst_OverlappingWords_ReturnsFirstToCompleteThenLongest()
    {
        new SensitiveWordMatcher(["abcd", "bc"]).FindFirst("xabcdx").ShouldBe("bc");
        new SensitiveWordMatcher(["he", "she", "hers"]).FindFirst("ushers").ShouldBe("she");
    }

    [Fact]
    public void FindFirst_CleanText_ReturnsNull() =>
        new SensitiveWordMatcher(["赌博", "发票"]).FindFirst("今天天气不错，大家早点休息").ShouldBeNull();

    [Fact]
    public void FindAll_SeveralWords_ReturnsEachOnceInOrderFound() =>
        new SensitiveWordMatcher(["he", "she", "his", "hers"]).FindAll("ushers she").ShouldBe(["she", "he", "hers"]);

    [Fact]
    public void Constructor_EmptyAndDuplicateWords_AreIgnored()
    {
        var matcher = new SensitiveWordMatcher(["", "  ", "赌博", "赌 博", "赌博", "🎲"]);
        matcher.Count.ShouldBe(1);
        matcher.FindFirst("赌博").ShouldBe("赌博");
    }

    [Fact]
    public void Empty_AnyText_FindsNothing()
    {
        SensitiveWordMatcher.Empty.Count.ShouldBe(0);
        SensitiveWordMatcher.Empty.FindFirst("赌博").ShouldBeNull();
        SensitiveWordMatcher.Empty.FindAll("赌博").ShouldBeEmpty();
    }

    [Fact]
    public void FindAll_RandomWordsAndTexts_AgreesWithNaiveSearch()
    {
        // A tiny alphabet makes words overlap and share prefixes and suffixes everywhere,
        // which is where fail links go wrong if they are going to.
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var words = Enumerable.Range(0, random.Next(1, 30)).Select(_ => RandomString(random, "abc", 1, 5)).Distinct().ToList();
            var matcher = new SensitiveWordMatcher(words);
            var text = RandomString(random, "abc", 0, 40);

            var expected = words.Where(w => text.Contains(w, StringComparison.Ordinal))
                .OrderBy(w => text.IndexOf(w, StringComparison.Ordinal) + w.Length).ThenByDescending(w => w.Length).ToList();
            matcher.FindAll(text).OrderBy(w => w, StringComparer.Ordinal).ShouldBe(expected.OrderBy(w => w, StringComparer.Ordinal));
            matcher.FindFirst(text).ShouldBe(expected.FirstOrDefault());
        }
    }

    [Fact]
    public void FindFirst_ManyThreadsAtOnce_AllSeeTheSameResult()
    {
        var matcher = new SensitiveWordMatcher(["赌博", "发票", "代开"]);
        var results = new string?[1000];
        Parallel.For(0, results.Length, i => results[i] = matcher.FindFirst(i % 2 == 0 ? "可以代开发票吗" : "没事"));
        results.Where((_, i) => i % 2 == 0).ShouldAllBe(r => r == "代开");
        results.Where((_, i) => i % 2 == 1).ShouldAllBe(r => r == null);
    }

    private static string RandomString(Random random, string alphabet, int min, int max) =>
        new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
}
