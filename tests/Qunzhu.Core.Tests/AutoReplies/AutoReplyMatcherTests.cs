using Qunzhu.Core.AutoReplies;

namespace Qunzhu.Core.Tests.AutoReplies;

public sealed class AutoReplyMatcherTests
{
    private static readonly DateTime Created = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Match_ContainsKeyword_AnswersIgnoringCase()
    {
        var rule = Rule(MatchMode.Contains, "价格", "VIP");
        var matcher = new AutoReplyMatcher([rule]);
        matcher.Match("请问价格多少", All).ShouldBe(rule);
        matcher.Match("怎么开通vip", All).ShouldBe(rule);
        matcher.Match("你好", All).ShouldBeNull();
    }

    [Fact]
    public void Match_Exact_OnlyTheWholeMessage()
    {
        var matcher = new AutoReplyMatcher([Rule(MatchMode.Exact, "帮助")]);
        matcher.Match("  帮助 ", All).ShouldNotBeNull();
        matcher.Match("帮助我", All).ShouldBeNull();
    }

    [Fact]
    public void Match_Regex_MatchesPattern()
    {
        var matcher = new AutoReplyMatcher([Rule(MatchMode.Regex, @"^第\d+期$")]);
        matcher.Match("第12期", All).ShouldNotBeNull();
        matcher.Match("第十二期", All).ShouldBeNull();
    }

    [Fact]
    public void Match_RegexRuleWithoutPatterns_AnswersNothing() =>
        new AutoReplyMatcher([Rule(MatchMode.Regex)]).Match("随便说点什么", All).ShouldBeNull();

    [Fact]
    public void Match_CatastrophicPattern_ReturnsCorrectResult()
    {
        // (a+)+$ takes exponential time on a backtracking engine; NonBacktracking is linear.
        var matcher = new AutoReplyMatcher([Rule(MatchMode.Regex, "(a+)+$")]);
        matcher.Match(new string('a', 50_000) + "!", All).ShouldBeNull();
        matcher.Match(new string('a', 50_000), All).ShouldNotBeNull();
    }

    [Fact]
    public void Match_SeveralMatch_HigherPriorityThenOlderWins()
    {
        var low = Ranked(0, Created);
        var highNew = Ranked(5, Created.AddDays(1));
        var highOld = Ranked(5, Created);
        new AutoReplyMatcher([low, highNew, highOld]).Match("你好呀", All).ShouldBe(highOld);
    }

    [Fact]
    public void Match_DisabledOrOutOfScope_Skipped()
    {
        var disabled = Rule(MatchMode.Contains, "你好");
        disabled.Enabled = false;
        var elsewhere = Rule(MatchMode.Contains, "你好");
        elsewhere.CommunityId = Guid.NewGuid();
        var matcher = new AutoReplyMatcher([disabled, elsewhere]);
        matcher.Count.ShouldBe(1);
        matcher.Match("你好", r => r.CommunityId is null).ShouldBeNull();
    }

    [Theory]
    [InlineData("^第\\d+期$", true)]
    [InlineData("(unclosed", false)]
    [InlineData(@"(\w)\1", false)] // backreferences are not supported by NonBacktracking
    public void ValidatePattern_Pattern_ReportsWhetherUsable(string pattern, bool valid) =>
        (AutoReplyMatcher.ValidatePattern(pattern) is null).ShouldBe(valid);

    private static AutoReplyRule Ranked(int priority, DateTime created)
    {
        var rule = Rule(MatchMode.Contains, "你好");
        rule.Priority = priority;
        rule.CreatedAt = created;
        return rule;
    }

    private static bool All(AutoReplyRule rule) => true;

    private static AutoReplyRule Rule(MatchMode mode, params string[] keywords) =>
        new() { Match = mode, Keywords = [.. keywords], Reply = "回复", CreatedAt = Created };
}
