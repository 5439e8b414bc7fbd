using System.Diagnostics.Tracing;

namespace Qunzhu.LoadTest;

/// <summary>Every pause of the runtime's threads for a garbage collection in this process (server and load generator):
/// from the runtime suspending them (event GCSuspendEEBegin) to it resuming them (GCRestartEEEnd). A pause stops every
/// request and the engine at once, so a slow moment of the latency phase can be matched with one, as with the write
/// gate's holds.</summary>
public sealed class GcPauseMeter : EventListener
{
    private const int SuspendBegin = 9;
    private const int RestartEnd = 3;
    private const int Start = 1;
    private readonly List<WriteGateMeter.Hold> _pauses = [];
    private DateTime? _suspended;
    private string _generation = "gc";

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // Keyword 0x1: the GC's events.
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        lock (_pauses)
        {
            if (eventData.EventId == SuspendBegin) _suspended = eventData.TimeStamp.ToUniversalTime();
            // GCStart's payload "Depth": the generation collected.
            else if (eventData.EventId == Start && eventData.PayloadNames?.IndexOf("Depth") is >= 0 and var depth) _generation = $"gc{eventData.Payload![depth]}";
            else if (eventData.EventId == RestartEnd && _suspended is { } from)
            {
                var to = eventData.TimeStamp.ToUniversalTime();
                _pauses.Add(new WriteGateMeter.Hold(to, (to - from).TotalMilliseconds, _generation));
                _suspended = null;
                _generation = "gc";
            }
        }
    }

    /// <summary>Starts a new window: what was recorded so far is dropped.</summary>
    public void Restart() => Take();

    /// <summary>The pauses since <see cref="Restart"/>, as one line (and the pauses in <paramref name="pauses"/>); then
    /// starts a new window. The runtime hands its events over in batches, so a pause that just ended may come later.</summary>
    public string Report(out List<WriteGateMeter.Hold> pauses)
    {
        pauses = Take();
        var lengths = pauses.Select(p => p.Milliseconds).Order().ToList();
        var byGeneration = string.Join(", ", pauses.GroupBy(p => p.Scope).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count()}× median {Percentiles.Of([.. g.Select(p => p.Milliseconds).Order()], 50):F1} ms"));
        return $"GC paused the process {lengths.Count} times, {lengths.Sum():F0} ms in all (median {Percentiles.Of(lengths, 50):F1} ms, " +
               $"longest {lengths.LastOrDefault():F1} ms; {byGeneration})";
    }

    private List<WriteGateMeter.Hold> Take()
    {
        lock (_pauses)
        {
            List<WriteGateMeter.Hold> taken = [.. _pauses];
            _pauses.Clear();
            return taken;
        }
    }
}
