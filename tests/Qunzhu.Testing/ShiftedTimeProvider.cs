namespace Qunzhu.Testing;

/// <summary>The system clock moved forward by hand: "now" jumps a day ahead while timers and timestamps keep
/// running in real time, so a whole server's loops keep working and a step due tomorrow runs within a second.</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
