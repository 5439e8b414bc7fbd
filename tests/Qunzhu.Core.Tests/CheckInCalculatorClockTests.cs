using Microsoft.Extensions.Time.Testing;
using Qunzhu.Core.CheckIns;

namespace Qunzhu.Core.Tests;

/// The streak across local midnight, driven by a fake clock (the rest is in CheckIns/CheckInCalculatorTests).
public sealed class CheckInCalculatorClockTests
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
}
