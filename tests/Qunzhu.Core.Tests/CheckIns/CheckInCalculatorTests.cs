using Qunzhu.Core.CheckIns;
using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Tests.CheckIns;

public sealed class CheckInCalculatorTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly CheckInSettings Defaults = new();

    [Fact]
    public void LocalDay_EitherSideOfShanghaiMidnight_IsTwoDays()
    {
        CheckInCalculator.LocalDay(Utc(2026, 3, 1, 15, 59), Shanghai).ShouldBe(new DateOnly(2026, 3, 1));
        CheckInCalculator.LocalDay(Utc(2026, 3, 1, 16, 1), Shanghai).ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void NextStreak_TwoMinutesApartAcrossLocalMidnight_AreConsecutiveDays()
    {
        var lateEvening = CheckInCalculator.LocalDay(Utc(2026, 3, 1, 15, 59), Shanghai); // 23:59 local
        var justAfterMidnight = CheckInCalculator.LocalDay(Utc(2026, 3, 1, 16, 1), Shanghai); // 00:01 next day
        CheckInCalculator.NextStreak(lateEvening, 4, justAfterMidnight).ShouldBe(5);
    }

    [Fact]
    public void NextStreak_SameUtcDateDifferentLocalDays_Continue()
    {
        // 01:00Z and 17:00Z share a UTC date but fall on two Shanghai days.
        var first = CheckInCalculator.LocalDay(Utc(2026, 3, 1, 1, 0), Shanghai);
        var second = CheckInCalculator.LocalDay(Utc(2026, 3, 1, 17, 0), Shanghai);
        CheckInCalculator.NextStreak(first, 1, second).ShouldBe(2);
    }

    [Fact]
    public void NextStreak_GapDay_ResetsToOne() =>
        CheckInCalculator.NextStreak(new DateOnly(2026, 3, 1), 9, new DateOnly(2026, 3, 3)).ShouldBe(1);

    [Fact]
    public void NextStreak_NoPreviousCheckIn_IsOne() =>
        CheckInCalculator.NextStreak(null, 0, new DateOnly(2026, 3, 1)).ShouldBe(1);

    [Fact]
    public void NextStreak_SameDayAgain_Throws() =>
        Should.Throw<ArgumentException>(() => CheckInCalculator.NextStreak(new DateOnly(2026, 3, 1), 1, new DateOnly(2026, 3, 1)));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(3, 15)]
    [InlineData(4, 10)]
    [InlineData(7, 30)]
    [InlineData(30, 110)]
    public void Points_DefaultBonuses_AddedOnMilestoneDaysOnly(int streak, int points) =>
        CheckInCalculator.Points(Defaults, streak).ShouldBe(points);

    [Theory]
    [InlineData("签到", true)]
    [InlineData(" 打卡！", true)]
    [InlineData("签到~~", true)]
    [InlineData("签到 ！", true)]
    [InlineData("签到了", false)]
    [InlineData("我签到", false)]
    public void IsCheckIn_Keyword_IgnoresSpacesAndTrailingPunctuation(string text, bool expected) =>
        CheckInCalculator.IsCheckIn(Defaults, text).ShouldBe(expected);

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);
}
