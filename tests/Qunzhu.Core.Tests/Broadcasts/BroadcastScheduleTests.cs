using Microsoft.Extensions.Time.Testing;
using Qunzhu.Core.Broadcasts;

namespace Qunzhu.Core.Tests.Broadcasts;

public sealed class BroadcastScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    private static DateTime Next(string cron, FakeTimeProvider time, TimeZoneInfo zone) =>
        BroadcastSchedule.NextOccurrence(BroadcastSchedule.ParseCron(cron, out _)!, time.GetUtcNow().UtcDateTime, zone)!.Value;

    [Fact]
    public void NextOccurrence_WeekdaysAt8InShanghaiFromFridayEvening_IsMonday0800LocalWhichIsMidnightUtc()
    {
        // Friday 2026-12-04 19:00 in Shanghai.
        var time = new FakeTimeProvider(new DateTimeOffset(Utc(2026, 12, 4, 11)));
        var next = Next("0 8 * * 1-5", time, Shanghai);
        next.ShouldBe(Utc(2026, 12, 7, 0));
        TimeZoneInfo.ConvertTimeFromUtc(next, Shanghai).DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Fact]
    public void NextOccurrence_JustAfterLocalMidnightWhileUtcIsStillYesterday_IsTheLocalDaysSlot()
    {
        // 23:50 on 2026-12-01 in Shanghai is 15:50 UTC; "00:30 daily" is 00:30 on the 2nd local = 16:30 UTC on the 1st.
        var time = new FakeTimeProvider(new DateTimeOffset(Utc(2026, 12, 1, 15, 50)));
        Next("30 0 * * *", time, Shanghai).ShouldBe(Utc(2026, 12, 1, 16, 30));
        time.Advance(TimeSpan.FromMinutes(45));   // 00:35 local: today's slot has passed
        Next("30 0 * * *", time, Shanghai).ShouldBe(Utc(2026, 12, 2, 16, 30));
    }

    [Fact]
    public void NextOccurrence_DailyAt8AcrossNewYorkDstStart_KeepsLocalWallClock()
    {
        // 2026-03-08 is the spring-forward day in New York: 08:00 is 13:00 UTC before it and 12:00 UTC after.
        var time = new FakeTimeProvider(new DateTimeOffset(Utc(2026, 3, 6, 14)));
        Next("0 8 * * *", time, NewYork).ShouldBe(Utc(2026, 3, 7, 13));
        time.Advance(TimeSpan.FromDays(1));
        Next("0 8 * * *", time, NewYork).ShouldBe(Utc(2026, 3, 8, 12));
    }

    [Fact]
    public void NextOccurrence_TimeSkippedByDst_FiresOnceAtTheNextValidTime()
    {
        // 02:30 does not exist on 2026-03-08 in New York (02:00 → 03:00 EDT = 07:00 UTC).
        var time = new FakeTimeProvider(new DateTimeOffset(Utc(2026, 3, 8, 5)));
        Next("30 2 * * *", time, NewYork).ShouldBe(Utc(2026, 3, 8, 7));
    }

    [Theory]
    [InlineData(15, 30, 0, 0)]   // 23:30 local → 08:00 next local day (00:00 UTC)
    [InlineData(23, 59, 0, 0)]   // 07:59 local → 08:00 the same local day
    [InlineData(0, 0, 0, 0)]     // 08:00 local: quiet hours are over
    [InlineData(13, 59, 13, 59)] // 21:59 local: not yet quiet
    public void SendTime_QuietHoursSpanningMidnightInShanghai_WaitsUntilTheyEnd(int hour, int minute, int expectedHour, int expectedMinute)
    {
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0));
        var time = new FakeTimeProvider(new DateTimeOffset(Utc(2026, 12, 1, hour, minute)));
        var due = time.GetUtcNow().UtcDateTime;
        var sent = BroadcastSchedule.SendTime(due, quiet, Shanghai);
        var expectedDay = hour >= 14 ? 2 : 1;
        sent.ShouldBe(hour == 13 ? due : Utc(2026, 12, expectedDay, expectedHour, expectedMinute));
    }

    [Fact]
    public void SendTime_QuietHoursWithinADay_WaitsUntilTheirEndTheSameDay()
    {
        var quiet = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));
        // 12:30 Shanghai = 04:30 UTC → 14:00 Shanghai = 06:00 UTC.
        BroadcastSchedule.SendTime(Utc(2026, 12, 1, 4, 30), quiet, Shanghai).ShouldBe(Utc(2026, 12, 1, 6));
        BroadcastSchedule.SendTime(Utc(2026, 12, 1, 6, 0), quiet, Shanghai).ShouldBe(Utc(2026, 12, 1, 6));
        BroadcastSchedule.SendTime(Utc(2026, 12, 1, 3, 59), quiet, Shanghai).ShouldBe(Utc(2026, 12, 1, 3, 59));
    }

    [Fact]
    public void SendTime_QuietHoursEndingInADstGap_EndsAtTheFirstValidTime()
    {
        // Quiet 22:00–02:30 in New York on the spring-forward night: 02:30 never happens; sends at 03:00 EDT (07:00 UTC).
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(2, 30));
        BroadcastSchedule.SendTime(Utc(2026, 3, 8, 4), quiet, NewYork).ShouldBe(Utc(2026, 3, 8, 7));
    }

    [Fact]
    public void SendTime_WithoutQuietHours_IsTheOccurrence()
    {
        var due = Utc(2026, 12, 1, 15, 30);
        BroadcastSchedule.SendTime(due, null, Shanghai).ShouldBe(due);
    }

    [Theory]
    [InlineData("0 25 * * *", "not a valid cron expression")]
    [InlineData("* * *", "has 3 fields")]
    [InlineData("every day", "has 2 fields")]
    public void ParseCron_Invalid_SaysWhy(string cron, string expected)
    {
        BroadcastSchedule.ParseCron(cron, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public void ParseCron_SixFields_IncludesSeconds()
    {
        var cron = BroadcastSchedule.ParseCron("*/10 * * * * *", out _).ShouldNotBeNull();
        BroadcastSchedule.NextOccurrence(cron, Utc(2026, 12, 1, 0, 0).AddSeconds(3), TimeZoneInfo.Utc).ShouldBe(Utc(2026, 12, 1, 0, 0).AddSeconds(10));
    }
}
