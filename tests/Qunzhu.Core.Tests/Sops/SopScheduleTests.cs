using Microsoft.Extensions.Time.Testing;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Sops;

namespace Qunzhu.Core.Tests.Sops;

public sealed class SopScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    private static SopStep Step(SopAnchor anchor = SopAnchor.GroupCreated, int days = 0, int minutes = 0, TimeOnly? at = null, DayOfWeek? weekday = null,
        int repeat = 1, DateOnly? date = null) =>
        new(Guid.CreateVersion7(), anchor, SopActionKind.PostToGroup, days, minutes, at, date, weekday, repeat, Text: "x");

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Shanghai);

    [Fact]
    public void Occurrences_Day1At0900ForAGroupCreatedAt2330Local_IsTheNextLocalDayNotTheNextUtcDay()
    {
        // 23:30 on Tuesday 2026-12-01 in Shanghai is 15:30 UTC the same day; "day 1 at 09:00" is Wednesday 09:00 local = 01:00 UTC on the 2nd.
        var time = new FakeTimeProvider(new DateTimeOffset(Utc(2026, 12, 1, 15, 30)));
        var due = SopSchedule.Occurrences(Step(days: 1, at: new TimeOnly(9, 0)), time.GetUtcNow().UtcDateTime, Shanghai).ShouldHaveSingleItem();
        due.ShouldBe(Utc(2026, 12, 2, 1));
        Local(due).ShouldBe(new DateTime(2026, 12, 2, 9, 0, 0));
    }

    [Fact]
    public void Occurrences_OffsetOf60MinutesFromAJoinAt2330Local_CrossesLocalMidnight()
    {
        var joined = Utc(2026, 12, 1, 15, 30);   // 23:30 local
        var due = SopSchedule.Occurrences(Step(SopAnchor.MemberJoined, minutes: 60), joined, Shanghai).ShouldHaveSingleItem();
        due.ShouldBe(Utc(2026, 12, 1, 16, 30));
        Local(due).Date.ShouldBe(new DateTime(2026, 12, 2));
    }

    [Fact]
    public void Occurrences_Day0At0900ForAGroupCreatedAfterNine_IsDueAtCreationNotSkipped()
    {
        var created = Utc(2026, 12, 1, 7);   // 15:00 local
        SopSchedule.Occurrences(Step(days: 0, at: new TimeOnly(9, 0)), created, Shanghai).ShouldHaveSingleItem().ShouldBe(created);
    }

    [Fact]
    public void Occurrences_WeeklyWednesday2000InShanghaiFromAMondayJoin_AreThreeWednesdaysAt2000Local()
    {
        var joined = Utc(2026, 11, 30, 2);   // Monday 10:00 local
        var dues = SopSchedule.Occurrences(Step(SopAnchor.Weekly, at: new TimeOnly(20, 0), weekday: DayOfWeek.Wednesday, repeat: 3), joined, Shanghai);
        dues.Count.ShouldBe(3);
        dues.ShouldAllBe(d => Local(d).DayOfWeek == DayOfWeek.Wednesday && Local(d).Hour == 20 && Local(d).Minute == 0);
        dues[0].ShouldBe(Utc(2026, 12, 2, 12));
        dues[2].ShouldBe(Utc(2026, 12, 16, 12));
    }

    [Fact]
    public void Occurrences_WeeklyWhenTodaysSlotHasPassed_StartsNextWeek()
    {
        // Wednesday 21:00 local: this Wednesday's 20:00 is gone.
        var anchor = Utc(2026, 12, 2, 13);
        SopSchedule.Occurrences(Step(SopAnchor.Weekly, at: new TimeOnly(20, 0), weekday: DayOfWeek.Wednesday), anchor, Shanghai)
            .ShouldHaveSingleItem().ShouldBe(Utc(2026, 12, 9, 12));
    }

    [Fact]
    public void Occurrences_WeeklyAtLocalMidnightMonday_IsSundayUtc()
    {
        var anchor = Utc(2026, 12, 1, 2);   // Tuesday
        var due = SopSchedule.Occurrences(Step(SopAnchor.Weekly, at: new TimeOnly(0, 0), weekday: DayOfWeek.Monday), anchor, Shanghai).ShouldHaveSingleItem();
        due.ShouldBe(Utc(2026, 12, 6, 16));
        due.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
        Local(due).DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Fact]
    public void Occurrences_AbsoluteDate_IsThatLocalDateAndTime()
    {
        var anchor = Utc(2026, 12, 1, 2);
        SopSchedule.Occurrences(Step(SopAnchor.Date, date: new DateOnly(2026, 12, 24), at: new TimeOnly(19, 30)), anchor, Shanghai)
            .ShouldHaveSingleItem().ShouldBe(Utc(2026, 12, 24, 11, 30));
    }

    [Fact]
    public void DueAt_StepFallingInQuietHours_WaitsUntilTheyEndInTheWorkspaceZone()
    {
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0));
        // A join at 21:30 local, "after 60 minutes" = 22:30 local: inside quiet hours, so 08:00 local next day (00:00 UTC).
        var occurrence = SopSchedule.Occurrences(Step(SopAnchor.MemberJoined, minutes: 60), Utc(2026, 12, 1, 13, 30), Shanghai).Single();
        SopSchedule.DueAt(occurrence, quiet, Shanghai).ShouldBe(Utc(2026, 12, 2, 0));
        // 07:59 local waits a minute; 08:00 goes at once.
        SopSchedule.DueAt(Utc(2026, 12, 1, 23, 59), quiet, Shanghai).ShouldBe(Utc(2026, 12, 2, 0));
        SopSchedule.DueAt(Utc(2026, 12, 2, 0), quiet, Shanghai).ShouldBe(Utc(2026, 12, 2, 0));
        SopSchedule.DueAt(Utc(2026, 12, 2, 0), null, Shanghai).ShouldBe(Utc(2026, 12, 2, 0));
    }

    [Fact]
    public void Outcome_DoneWithinTolerance_IsOnTimeAndBeyondIsLate()
    {
        var due = Utc(2026, 12, 1, 12);
        var time = new FakeTimeProvider(new DateTimeOffset(due));
        time.Advance(TimeSpan.FromMinutes(10));
        SopSchedule.Outcome(due, time.GetUtcNow().UtcDateTime, 10).ShouldBe(SopExecutionStatus.DoneOnTime);
        time.Advance(TimeSpan.FromSeconds(1));
        SopSchedule.Outcome(due, time.GetUtcNow().UtcDateTime, 10).ShouldBe(SopExecutionStatus.DoneLate);
    }
}
