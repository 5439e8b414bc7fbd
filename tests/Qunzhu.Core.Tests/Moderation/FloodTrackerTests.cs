using Qunzhu.Core.Moderation;

namespace Qunzhu.Core.Tests.Moderation;

public sealed class FloodTrackerTests
{
    private const int MaxMessages = 6;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly DateTime T0 = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly Guid _group = Guid.NewGuid();
    private readonly Guid _member = Guid.NewGuid();
    private readonly FloodTracker _tracker = new();

    [Fact]
    public void Record_MaxMessagesInsideWindow_IsNotFlood() =>
        Enumerable.Range(0, MaxMessages).Select(i => Send(T0.AddSeconds(i))).ShouldAllBe(flooded => !flooded);

    [Fact]
    public void Record_OneMoreJustInsideWindow_IsFlood()
    {
        for (var i = 0; i < MaxMessages; i++) Send(T0.AddSeconds(i)).ShouldBeFalse();
        Send(T0 + Window - TimeSpan.FromMilliseconds(1)).ShouldBeTrue();
    }

    [Fact]
    public void Record_OneMoreExactlyOneWindowAfterFirst_IsNotFlood()
    {
        for (var i = 0; i < MaxMessages; i++) Send(T0.AddSeconds(i)).ShouldBeFalse();
        Send(T0 + Window).ShouldBeFalse(); // the first message is a full window old and no longer counts
    }

    [Fact]
    public void Record_AfterFlood_CountingStartsAgain()
    {
        var results = Enumerable.Range(0, 2 * (MaxMessages + 1)).Select(i => Send(T0.AddMilliseconds(i * 100))).ToList();
        results.Count(flooded => flooded).ShouldBe(2);
        results[MaxMessages].ShouldBeTrue();
        results[^1].ShouldBeTrue();
    }

    [Fact]
    public void Record_OtherMemberAndOtherGroup_CountedSeparately()
    {
        for (var i = 0; i < MaxMessages; i++) Send(T0).ShouldBeFalse();
        _tracker.Record(_group, Guid.NewGuid(), T0, MaxMessages, Window).ShouldBeFalse();
        _tracker.Record(Guid.NewGuid(), _member, T0, MaxMessages, Window).ShouldBeFalse();
        Send(T0).ShouldBeTrue();
    }

    [Fact]
    public void Record_ManyThreadsOneMember_CountsEveryMessage()
    {
        var flags = 0;
        Parallel.For(0, 800, _ =>
        {
            if (_tracker.Record(_group, _member, T0, 99, TimeSpan.FromHours(1))) Interlocked.Increment(ref flags);
        });
        flags.ShouldBe(8); // every 100th message, whatever the interleaving
    }

    [Fact]
    public void Record_IdleMembers_AreSweptAway()
    {
        for (var i = 0; i < 5000; i++) _tracker.Record(_group, Guid.NewGuid(), T0, MaxMessages, Window);
        var later = T0.AddMinutes(1);
        for (var i = 0; i < FloodTracker.SweepEvery; i++) _tracker.Record(_group, _member, later.AddMilliseconds(i * 20), 1000, Window);
        _tracker.TrackedMembers.ShouldBe(1);
    }

    [Fact]
    public void RecordText_SameTextBeyondMaxRepeats_IsFlagged()
    {
        SendText("签到", T0).ShouldBeFalse();
        SendText("签到！", T0.AddSeconds(1)).ShouldBeFalse();
        SendText("签 到", T0.AddSeconds(2)).ShouldBeTrue();
    }

    [Fact]
    public void RecordText_RepeatAfterWindow_IsNotFlagged()
    {
        SendText("买买买", T0).ShouldBeFalse();
        SendText("买买买", T0.AddSeconds(1)).ShouldBeFalse();
        SendText("买买买", T0 + Window).ShouldBeFalse();
    }

    [Fact]
    public void RecordText_DifferentTexts_AreNotFlagged() =>
        new[] { "早", "早上好", "吃了吗", "早" }.Select((t, i) => SendText(t, T0.AddSeconds(i))).ShouldAllBe(flagged => !flagged);

    [Fact]
    public void RecordText_EmojiOnly_IsNotTracked() =>
        Enumerable.Range(0, 5).Select(i => SendText("👍", T0.AddSeconds(i))).ShouldAllBe(flagged => !flagged);

    private bool Send(DateTime at) => _tracker.Record(_group, _member, at, MaxMessages, Window);

    private bool SendText(string text, DateTime at) => _tracker.RecordText(_group, _member, text, at, 2, Window);
}
