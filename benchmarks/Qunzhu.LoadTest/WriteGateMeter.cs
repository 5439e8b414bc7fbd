using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Qunzhu.LoadTest;

/// <summary>The server's SQLite write-gate histograms (meter <c>Qunzhu.Storage</c>), collected in this process: every
/// write waits its turn at the gate, so how much of a phase it was held, and how long writers waited, tell whether a
/// slow reply was queueing for the database.</summary>
public sealed class WriteGateMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<double> _holds = [];
    private readonly List<double> _waits = [];
    private long _since = Stopwatch.GetTimestamp();

    public WriteGateMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Qunzhu.Storage" && instrument.Name.StartsWith("qunzhu.sqlite.write_gate.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            var list = instrument.Name.EndsWith(".hold", StringComparison.Ordinal) ? _holds : _waits;
            lock (list) list.Add(value);
        });
        _listener.Start();
    }

    /// <summary>Starts a new window: what was recorded so far is dropped.</summary>
    public void Restart()
    {
        Take(_holds);
        Take(_waits);
        _since = Stopwatch.GetTimestamp();
    }

    /// <summary>The window since <see cref="Restart"/>, as one line; then starts a new one.</summary>
    public string Report()
    {
        var elapsed = Stopwatch.GetElapsedTime(_since);
        var holds = Take(_holds);
        var waits = Take(_waits);
        _since = Stopwatch.GetTimestamp();
        return $"write gate held {holds.Sum() / elapsed.TotalMilliseconds * 100:F0} % of {elapsed.TotalSeconds:F1} s ({holds.Count} holds: " +
               $"median {Percentiles.Of(holds, 50):F2} ms, p99 {Percentiles.Of(holds, 99):F1} ms, longest {holds.LastOrDefault():F1} ms); " +
               $"writers waited median {Percentiles.Of(waits, 50):F2} ms, p99 {Percentiles.Of(waits, 99):F1} ms, longest {waits.LastOrDefault():F1} ms";
    }

    public void Dispose() => _listener.Dispose();

    private static List<double> Take(List<double> list)
    {
        List<double> taken;
        lock (list)
        {
            taken = [.. list];
            list.Clear();
        }
        taken.Sort();
        return taken;
    }
}
