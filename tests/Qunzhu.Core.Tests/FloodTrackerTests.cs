using Microsoft.Extensions.Time.Testing;
using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests;

public sealed class FloodTrackerTests
{
    private static readonly Guid Group = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();

    [Fact]
    public void Record_ExactlyAtLimit_NotFlooding_NextOneIs()
    {
        var time = new FakeTimeProvider();
        var tracker = new FloodTracker();
        for (var i = 0; i < 6; i++)
        {
            tracker.Record(Group, Member, Guid.NewGuid().ToString(), time.GetUtcNow().UtcDateTime, 6, TimeSpan.FromSeconds(10)).ShouldBeFalse();
            time.Advance(TimeSpan.FromSeconds(1));
        }
        tracker.Record(Group, Member, Guid.NewGuid().ToString(), time.GetUtcNow().UtcDateTime, 6, TimeSpan.FromSeconds(10)).ShouldBeTrue();
    }

    [Fact]
    public void Record_SpreadOverMoreThanWindow_NotFlooding()
    {
        var time = new FakeTimeProvider();
        var tracker = new FloodTracker();
        for (var i = 0; i < 20; i++)
        {
            tracker.Record(Group, Member, Guid.NewGuid().ToString(), time.GetUtcNow().UtcDateTime, 6, TimeSpan.FromSeconds(10)).ShouldBeFalse();
            time.Advance(TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public void Record_OtherMembers_CountedSeparately()
    {
        var now = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var tracker = new FloodTracker();
        for (var i = 0; i < 10; i++) tracker.Record(Group, Guid.NewGuid(), "m", now, 6, TimeSpan.FromSeconds(10)).ShouldBeFalse();
    }

    [Fact]
    public void Record_ManyStaleMembers_AreSweptAway()
    {
        var time = new FakeTimeProvider();
        var tracker = new FloodTracker();
        for (var i = 0; i < 5000; i++) tracker.Record(Group, Guid.NewGuid(), "m", time.GetUtcNow().UtcDateTime, 6, TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromHours(2));
        for (var i = 0; i < 5000; i++) tracker.Record(Group, Member, $"m{i}", time.GetUtcNow().UtcDateTime, 100_000, TimeSpan.FromSeconds(10));
        tracker.TrackedMembers.ShouldBeLessThan(5000);
    }

    [Fact]
    public void Sweep_DropsMembersQuietForAnHour_KeepsTheActiveAndTheirBursts()
    {
        var time = new FakeTimeProvider();
        var tracker = new FloodTracker();
        var window = TimeSpan.FromMinutes(10);
        tracker.Record(Group, Guid.NewGuid(), "old", time.GetUtcNow().UtcDateTime, 6, window);
        time.Advance(TimeSpan.FromMinutes(61));
        // The first of these finds a sweep due: the member quiet for an hour goes.
        for (var i = 0; i < 6; i++) tracker.Record(Group, Member, $"m{i}", time.GetUtcNow().UtcDateTime, 6, window).ShouldBeFalse();
        tracker.TrackedMembers.ShouldBe(1);
        // Five minutes on the next sweep runs before this message is counted: the burst it ends is still known.
        time.Advance(TimeSpan.FromMinutes(5));
        tracker.Record(Group, Member, "m6", time.GetUtcNow().UtcDateTime, 6, window).ShouldBeTrue();
        tracker.TrackedMembers.ShouldBe(1);
    }

    [Fact]
    public void Record_SameMessageAgain_CountedOnce()
    {
        var now = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var tracker = new FloodTracker();
        for (var i = 0; i < 10; i++) tracker.Record(Group, Member, "retried-event", now, 6, TimeSpan.FromSeconds(10)).ShouldBeFalse();
    }

    [Fact]
    public void Record_AfterAFlag_CountingStartsAgain_OneBurstIsOneViolation()
    {
        var now = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var tracker = new FloodTracker();
        var flags = Enumerable.Range(0, 12).Count(i => tracker.Record(Group, Member, $"m{i}", now.AddMilliseconds(i), 6, TimeSpan.FromSeconds(10)));
        flags.ShouldBe(1);
    }

    [Fact]
    public void Record_FlaggedMessageAskedAgain_StillFlagged()
    {
        var now = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var tracker = new FloodTracker();
        for (var i = 0; i < 6; i++) tracker.Record(Group, Member, $"m{i}", now, 6, TimeSpan.FromSeconds(10));
        tracker.Record(Group, Member, "m6", now, 6, TimeSpan.FromSeconds(10)).ShouldBeTrue();
        tracker.Record(Group, Member, "m6", now, 6, TimeSpan.FromSeconds(10)).ShouldBeTrue();
    }
}
