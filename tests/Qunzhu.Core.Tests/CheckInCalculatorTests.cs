using Microsoft.Extensions.Time.Testing;
using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Tests;

public sealed class CheckInCalculatorTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void LocalDay_AcrossLocalMidnight_TwoMinutesApartAreConsecutiveDays()
    {
        // 15:59Z is 23:59 in Shanghai; 16:01Z is 00:01 the next local day, though both are 1 March in UTC.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 15, 59, 0, TimeSpan.Zero));
        var first = CheckInCalculator.LocalDay(time.GetUtcNow().UtcDateTime, Shanghai);
        time.Advance(TimeSpan.FromMinutes(2));
        var second = CheckInCalculator.LocalDay(time.GetUtcNow().UtcDateTime, Shanghai);

        first.ShouldBe(new DateOnly(2026, 3, 1));
        second.ShouldBe(new DateOnly(2026, 3, 2));
        CheckInCalculator.NextStreak(first, 4, second).ShouldBe(5);
    }

    [Fact]
    public void LocalDay_SameUtcDayInOtherZone_IsSameLocalDay()
    {
        var utc = new DateTime(2026, 3, 1, 15, 59, 0, DateTimeKind.Utc);
        CheckInCalculator.LocalDay(utc, TimeZoneInfo.Utc).ShouldBe(CheckInCalculator.LocalDay(utc.AddMinutes(2), TimeZoneInfo.Utc));
    }

    [Fact]
    public void NextStreak_GapDay_ResetsToOne() =>
        CheckInCalculator.NextStreak(new DateOnly(2026, 3, 1), 9, new DateOnly(2026, 3, 3)).ShouldBe(1);

    [Fact]
    public void NextStreak_FirstEver_IsOne() => CheckInCalculator.NextStreak(null, 0, new DateOnly(2026, 3, 3)).ShouldBe(1);

    [Fact]
    public void NextStreak_SameDay_IsRejected() =>
        Should.Throw<ArgumentException>(() => CheckInCalculator.NextStreak(new DateOnly(2026, 3, 3), 2, new DateOnly(2026, 3, 3)));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 15)]
    [InlineData(4, 10)]
    [InlineData(7, 30)]
    [InlineData(30, 110)]
    public void Points_StreakMilestones_AddBonusOnTheDayReached(int streak, int expected) =>
        CheckInCalculator.Points(new CheckInSettings(), streak).ShouldBe(expected);

    [Theory]
    [InlineData("签到", true)]
    [InlineData(" 打卡！", true)]
    [InlineData("签到。", true)]
    [InlineData("我要签到", false)]
    [InlineData("签到了吗", false)]
    public void IsCheckIn_DefaultKeywords_MatchesWholeMessageOnly(string text, bool expected) =>
        CheckInCalculator.IsCheckIn(new CheckInSettings(), text).ShouldBe(expected);
}
