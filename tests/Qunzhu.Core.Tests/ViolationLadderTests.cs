using Microsoft.Extensions.Time.Testing;
using Qunzhu.Core.Moderation;
using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Tests;

public sealed class ViolationLadderTests
{
    private static readonly ModerationSettings Defaults = new();

    [Fact]
    public void Next_NoHistory_WarnsOneOfThree()
    {
        var decision = ViolationLadder.Next([], new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), Defaults);
        decision.ShouldBe(new LadderDecision(1, 3, new LadderStep(LadderAction.Warn)));
    }

    [Fact]
    public void Next_ThirdWithin24h_Removes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var history = new List<DateTime> { time.GetUtcNow().UtcDateTime };
        time.Advance(TimeSpan.FromHours(10));
        var second = ViolationLadder.Next(history, time.GetUtcNow().UtcDateTime, Defaults);
        history.Add(time.GetUtcNow().UtcDateTime);
        time.Advance(TimeSpan.FromHours(13));
        var third = ViolationLadder.Next(history, time.GetUtcNow().UtcDateTime, Defaults);

        second.Step.Action.ShouldBe(LadderAction.Mute);
        second.Step.MuteMinutes.ShouldBe(60);
        third.Strike.ShouldBe(3);
        third.Step.Action.ShouldBe(LadderAction.Remove);
    }

    [Fact]
    public void Next_OldViolationsDecay_OnlyThoseInsideTheWindowCount()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var history = new List<DateTime> { time.GetUtcNow().UtcDateTime };      // will be 25 h old
        time.Advance(TimeSpan.FromHours(2));
        history.Add(time.GetUtcNow().UtcDateTime);                              // will be 23 h old
        time.Advance(TimeSpan.FromHours(23));

        var decision = ViolationLadder.Next(history, time.GetUtcNow().UtcDateTime, Defaults);
        decision.Strike.ShouldBe(2);
        decision.Step.Action.ShouldBe(LadderAction.Mute);
    }

    [Fact]
    public void Next_BeyondTheLadder_LastStepRepeats()
    {
        var now = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var history = Enumerable.Range(1, 5).Select(i => now.AddMinutes(-i)).ToList();
        var decision = ViolationLadder.Next(history, now, Defaults with { Ladder = [new(LadderAction.Warn), new(LadderAction.Remove)] });
        decision.ShouldBe(new LadderDecision(6, 2, new LadderStep(LadderAction.Remove)));
    }
}
