using Qunzhu.Core.AutoReplies;

namespace Qunzhu.Core.Tests;

public sealed class AutoReplyMatcherTests
{
    private static AutoReplyRule Rule(MatchMode match, string reply, int priority = 0, params string[] keywords) =>
        new() { Keywords = [.. keywords], Match = match, Reply = reply, Priority = priority };

    [Fact]
    public void Match_ContainsExactRegex_EachAsNamed()
    {
        var matcher = new AutoReplyMatcher([
            Rule(MatchMode.Contains, "contains", 0, "课表"),
            Rule(MatchMode.Exact, "exact", 0, "规则"),
            Rule(MatchMode.Regex, "regex", 0, @"^第\d+课"),
        ]);
        matcher.Match("请问课表在哪", _ => true)!.Reply.ShouldBe("contains");
        matcher.Match(" 规则 ", _ => true)!.Reply.ShouldBe("exact");
        matcher.Match("群规则是什么", _ => true).ShouldBeNull();
        matcher.Match("第12课作业", _ => true)!.Reply.ShouldBe("regex");
    }

    [Fact]
    public void Match_SeveralRules_HighestPriorityWins()
    {
        var matcher = new AutoReplyMatcher([Rule(MatchMode.Contains, "low", 0, "价格"), Rule(MatchMode.Contains, "high", 5, "价格")]);
        matcher.Match("价格多少", _ => true)!.Reply.ShouldBe("high");
    }

    [Fact]
    public void Match_OutOfScope_Skipped()
    {
        var matcher = new AutoReplyMatcher([Rule(MatchMode.Contains, "a", 0, "价格")]);
        matcher.Match("价格", _ => false).ShouldBeNull();
    }

    [Fact]
    public void Match_DisabledRule_Ignored()
    {
        var rule = Rule(MatchMode.Contains, "a", 0, "价格");
        rule.Enabled = false;
        new AutoReplyMatcher([rule]).Match("价格", _ => true).ShouldBeNull();
    }

    [Fact]
    public void Match_CatastrophicPattern_AnswersInsteadOfHanging()
    {
        // (a+)+$ takes exponential time on a backtracking engine; the non-backtracking one is linear.
        var matcher = new AutoReplyMatcher([Rule(MatchMode.Regex, "evil", 0, "(a+)+$")]);
        matcher.Match(new string('a', 5000) + "!", _ => true).ShouldBeNull();
    }

    [Fact]
    public void ValidatePattern_Invalid_SaysWhy() => AutoReplyMatcher.ValidatePattern("(unclosed").ShouldNotBeNull();
}
