using Qunzhu.Core.Moderation;
using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Tests.Moderation;

public sealed class ViolationLadderTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly ModerationSettings Defaults = new();

    [Fact]
    public void Next_FirstViolation_WarnsAsStrikeOneOfThree()
    {
        var decision = ViolationLadder.Next([], Now, Defaults);
        decision.ShouldBe(new LadderDecision(1, 3, new LadderStep(LadderAction.Warn)));
    }

    [Fact]
    public void Next_SecondWithinWindow_MutesSixtyMinutes() =>
        ViolationLadder.Next([Now.AddHours(-1)], Now, Defaults).Step.ShouldBe(new LadderStep(LadderAction.Mute, 60));

    [Fact]
    public void Next_ThirdWithinTwentyFourHours_Removes()
    {
        var decision = ViolationLadder.Next([Now.AddHours(-23), Now.AddMinutes(-5)], Now, Defaults);
        decision.Strike.ShouldBe(3);
        decision.Step.Action.ShouldBe(LadderAction.Remove);
    }

    [Fact]
    public void Next_ViolationTwentyFiveHoursOld_NoLongerCounts()
    {
        var decision = ViolationLadder.Next([Now.AddHours(-25), Now.AddMinutes(-5)], Now, Defaults);
        decision.Strike.ShouldBe(2);
        decision.Step.Action.ShouldBe(LadderAction.Mute);
    }

    [Fact]
    public void Next_ViolationExactlyOneWindowOld_NoLongerCounts() =>
        ViolationLadder.Next([Now.AddHours(-24)], Now, Defaults).Strike.ShouldBe(1);

    [Fact]
    public void Next_BeyondTheLadder_RepeatsLastStep()
    {
        var decision = ViolationLadder.Next(Enumerable.Range(1, 5).Select(i => Now.AddMinutes(-i)), Now, Defaults);
        decision.ShouldBe(new LadderDecision(6, 3, new LadderStep(LadderAction.Remove)));
    }

    [Fact]
    public void Next_ShorterWindow_DecaysSooner()
    {
        var settings = Defaults with { WindowHours = 1 };
        ViolationLadder.Next([Now.AddMinutes(-61)], Now, settings).Strike.ShouldBe(1);
        ViolationLadder.Next([Now.AddMinutes(-59)], Now, settings).Strike.ShouldBe(2);
    }

    [Fact]
    public void Next_EmptyLadder_Throws() =>
        Should.Throw<ArgumentException>(() => ViolationLadder.Next([], Now, Defaults with { Ladder = [] }));
}
