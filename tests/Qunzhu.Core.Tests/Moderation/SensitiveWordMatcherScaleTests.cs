using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests.Moderation;

/// A workspace-sized list: 10,000 random CJK words of 3–6 characters from a fixed seed.
public sealed class SensitiveWordMatcherScaleTests
{
    private const int WordCount = 10_000;
    private static readonly List<string> Words = RandomWords(new Random(20_240_601));
    private static readonly SensitiveWordMatcher Matcher = new(Words);

    [Fact]
    public void Constructor_TenThousandWords_KeepsEveryWord() => Matcher.Count.ShouldBe(WordCount);

    [Fact]
    public void FindAll_EachWordInsideFiller_FindsThatWord()
    {
        var random = new Random(1);
        foreach (var word in Words)
        {
            var text = $"{RandomCjk(random, 10)}，{word}！{RandomCjk(random, 10)}";
            Matcher.FindAll(text).ShouldContain(word);
        }
    }

    [Fact]
    public void FindFirst_RandomTextWithoutAnyWord_ReturnsNull()
    {
        var text = RandomCjk(new Random(2), 200_000);
        // The naive check proves the text really holds none of the words.
        var set = Words.ToHashSet(StringComparer.Ordinal);
        var naiveHits = Enumerable.Range(0, text.Length)
            .SelectMany(i => Enumerable.Range(3, 4).Where(n => i + n <= text.Length && set.Contains(text.Substring(i, n))))
            .Count();
        naiveHits.ShouldBe(0);

        Matcher.FindFirst(text).ShouldBeNull();
        Matcher.FindAll(text).ShouldBeEmpty();
    }

    private static List<string> RandomWords(Random random)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < WordCount) words.Add(RandomCjk(random, random.Next(3, 7)));
        return [.. words];
    }

    private static string RandomCjk(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = (char)r.Next(0x4E00, 0x9FA6);
        });
}
