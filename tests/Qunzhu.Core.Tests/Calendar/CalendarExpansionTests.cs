using Microsoft.Extensions.Time.Testing;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Calendar;
using Qunzhu.Core.Content;

namespace Qunzhu.Core.Tests.Calendar;

public sealed class CalendarExpansionTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Fact]
    public void Expand_CellCronAt2330FromMondayEveningInShanghai_OnlyTheSendStillToComeThisWeek()
    {
        // Monday 2026-12-07 23:00 in Shanghai: tonight's 23:30 is to come; next Monday's is outside the week.
        var time = new FakeTimeProvider(new DateTimeOffset(Utc(2026, 12, 7, 15)));
        var cron = CalendarCell.CronFor(DayOfWeek.Monday, new TimeOnly(23, 30));
        cron.ShouldBe("30 23 * * 1");
        CalendarExpansion.Expand(null, cron, null, null, Utc(2026, 12, 6, 16), Utc(2026, 12, 13, 16), time.GetUtcNow().UtcDateTime, Shanghai, 100)
            .ShouldBe([new CalendarOccurrence(Utc(2026, 12, 7, 15, 30), Utc(2026, 12, 7, 15, 30))]);
        // At 23:40 it is gone: what went out is a run, not an occurrence.
        time.Advance(TimeSpan.FromMinutes(40));
        CalendarExpansion.Expand(null, cron, null, null, Utc(2026, 12, 6, 16), Utc(2026, 12, 13, 16), time.GetUtcNow().UtcDateTime, Shanghai, 100).ShouldBeEmpty();
    }

    [Fact]
    public void Expand_DailyAt2300WithQuietHoursFrom2200_EachHeldToNextMorningAndTheOneBeforeTheWindowLandsInIt()
    {
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(8, 0));
        var now = Utc(2026, 12, 1, 0);
        // Window: Wednesday 2026-12-09 00:00 to Friday 00:00 local. Tuesday 23:00 is sent Wednesday 08:00, inside it.
        var sends = CalendarExpansion.Expand(null, "0 23 * * *", quiet, null, Utc(2026, 12, 8, 16), Utc(2026, 12, 10, 16), now, Shanghai, 100);
        sends.Select(s => TimeZoneInfo.ConvertTimeFromUtc(s.SendAt, Shanghai)).ShouldBe([new DateTime(2026, 12, 9, 8, 0, 0), new DateTime(2026, 12, 10, 8, 0, 0)]);
        sends.ShouldAllBe(s => s.HeldByQuietHours);
    }

    [Fact]
    public void Expand_WeeklyAcrossSpringForwardInNewYork_StaysAtLocalNineAndHonoursMax()
    {
        var sends = CalendarExpansion.Expand(null, "0 9 * * 0", null, null, Utc(2026, 3, 1, 0), Utc(2026, 3, 20, 0), Utc(2026, 2, 1, 0), NewYork, 2);
        sends.Select(s => s.SendAt).ShouldBe([Utc(2026, 3, 1, 14), Utc(2026, 3, 8, 13)]);
    }

    [Fact]
    public void BuiltIns_ChineseAndEnglish_SameKeysEveryTextUsesGroupAndDate()
    {
        BuiltInContent.Keys.ShouldBe(["morning-report", "evening-report", "daily-task"]);
        BuiltInContent.Find("morning-report", "zh-CN")!.Title.ShouldBe("早报");
        BuiltInContent.Find("daily-task", "en-US")!.Cron.ShouldBe("0 8 * * *");
        foreach (var locale in new[] { "zh-CN", "en-US" })
            BuiltInContent.All(locale).ShouldAllBe(b => b.Text.Contains("{group}") && b.Text.Contains("{date}") && b.Description.Length > 0);
    }
}
