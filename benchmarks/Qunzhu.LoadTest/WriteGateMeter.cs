using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Qunzhu.LoadTest;

/// <summary>The server's SQLite write-gate histograms (meter <c>Qunzhu.Storage</c>), collected in this process: every
/// write waits its turn at the gate, so how much of a phase it was held, and how long writers waited, tell whether a
/// slow reply was queueing for the database. Each hold is kept with its end time and its holder (a transaction, a write
/// command, or the checkpointer's gated pass), so a slow moment can be matched with the hold behind it.</summary>
public sealed class WriteGateMeter : IDisposable
{
    /// <summary>One hold of the gate: when it ended (UTC), how long it was held, and by whom.</summary>
    public readonly record struct Hold(DateTime EndedAt, double Milliseconds, string Scope);

    private readonly MeterListener _listener = new();
    private readonly List<Hold> _holds = [];
    private readonly List<double> _waits = [];
    private long _since = Stopwatch.GetTimestamp();

    public WriteGateMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Qunzhu.Storage" && instrument.Name.StartsWith("qunzhu.sqlite.write_gate.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name.EndsWith(".wait", StringComparison.Ordinal))
            {
                lock (_waits) _waits.Add(value);
                return;
            }
            var scope = "?";
            foreach (var tag in tags)
            {
                if (tag.Key == "qunzhu.sqlite.write_gate.scope") scope = tag.Value as string ?? "?";
            }
            lock (_holds) _holds.Add(new Hold(DateTime.UtcNow, value, scope));
        });
        _listener.Start();
    }

    /// <summary>Starts a new window: what was recorded so far is dropped.</summary>
    public void Restart()
    {
        TakeHolds();
        Take(_waits);
        _since = Stopwatch.GetTimestamp();
    }

    /// <summary>The window since <see cref="Restart"/>, as one line (and its holds in <paramref name="holds"/>); then
    /// starts a new one.</summary>
    public string Report(out List<Hold> holds)
    {
        var elapsed = Stopwatch.GetElapsedTime(_since);
        holds = TakeHolds();
        var lengths = holds.Select(h => h.Milliseconds).Order().ToList();
        var checkpoints = holds.Where(h => h.Scope == "checkpoint").Select(h => h.Milliseconds).Order().ToList();
        var waits = Take(_waits);
        _since = Stopwatch.GetTimestamp();
        return $"write gate held {lengths.Sum() / elapsed.TotalMilliseconds * 100:F0} % of {elapsed.TotalSeconds:F1} s ({lengths.Count} holds: " +
               $"median {Percentiles.Of(lengths, 50):F2} ms, p99 {Percentiles.Of(lengths, 99):F1} ms, longest {lengths.LastOrDefault():F1} ms; " +
               $"{checkpoints.Count} by the gated checkpoint, longest {checkpoints.LastOrDefault():F1} ms); " +
               $"writers waited median {Percentiles.Of(waits, 50):F2} ms, p99 {Percentiles.Of(waits, 99):F1} ms, longest {waits.LastOrDefault():F1} ms";
    }

    public string Report() => Report(out _);

    public void Dispose() => _listener.Dispose();

    private List<Hold> TakeHolds()
    {
        lock (_holds)
        {
            List<Hold> taken = [.. _holds];
            _holds.Clear();
            return taken;
        }
    }

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
