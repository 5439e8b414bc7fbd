using Qunzhu.Engine.Delivery;

namespace Qunzhu.Core.Tests.Delivery;

public sealed class SlidingWindowLimitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryTake_TwentyPerMinute_NeverMoreThanTwentyInAnyMinute()
    {
        var limit = new SlidingWindowLimit(20, TimeSpan.FromMinutes(1));
        var sent = new List<DateTimeOffset>();
        // Someone asks every 500 ms for five minutes; a token bucket of 20 would let 40 through in the first minute.
        for (var t = T0; t < T0.AddMinutes(5); t = t.AddMilliseconds(500))
            if (limit.TryTake(t, out _)) sent.Add(t);

        foreach (var start in sent)
            sent.Count(s => s >= start && s < start.AddMinutes(1)).ShouldBeLessThanOrEqualTo(20);
        sent.Count.ShouldBe(100);   // and the allowed rate is used in full: 20 in each of the 5 minutes
    }

    [Fact]
    public void TryTake_WindowFull_SaysHowLongUntilRoom()
    {
        var limit = new SlidingWindowLimit(2, TimeSpan.FromMinutes(1));
        limit.TryTake(T0, out _).ShouldBeTrue();
        limit.TryTake(T0.AddSeconds(10), out _).ShouldBeTrue();
        limit.TryTake(T0.AddSeconds(20), out var wait).ShouldBeFalse();
        wait.ShouldBe(TimeSpan.FromSeconds(40));
        limit.TryTake(T0.AddSeconds(60), out _).ShouldBeTrue();
    }

    [Fact]
    public void Return_ActionNotSent_FreesItsPlace()
    {
        var limit = new SlidingWindowLimit(1, TimeSpan.FromMinutes(1));
        limit.TryTake(T0, out _).ShouldBeTrue();
        limit.Return();
        limit.TryTake(T0.AddSeconds(1), out _).ShouldBeTrue();
        limit.TryTake(T0.AddSeconds(2), out _).ShouldBeFalse();
    }
}
