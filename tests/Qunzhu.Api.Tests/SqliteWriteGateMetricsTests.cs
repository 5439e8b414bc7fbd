using System.Diagnostics.Metrics;
using Qunzhu.Testing;
using Shouldly;

namespace Qunzhu.Api.Tests;

/// <summary>The write gate's histograms are what an operator reads (dotnet-counters, an OpenTelemetry exporter) to tell
/// whether slow replies are queueing for SQLite's one writer.</summary>
public sealed class SqliteWriteGateMetricsTests
{
    [Fact]
    public async Task AProcessedEvent_IsSeenInTheGatesHoldAndWaitHistograms_ByHolder()
    {
        List<(string Instrument, double Value, string? Scope)> seen = [];
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Qunzhu.Storage") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            string? scope = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "qunzhu.sqlite.write_gate.scope") scope = tag.Value as string;
            }
            lock (seen) seen.Add((instrument.Name, value, scope));
        });
        listener.Start();

        await using var server = new QunzhuServer();
        var sandbox = new SandboxClient(server.CreateApiClient());
        var group = await sandbox.CreateGroupAsync();
        await sandbox.SendAsync(group, "message", "u1", "签到", memberName: "小王");
        await sandbox.BotMessagesAsync(group, 1);

        List<(string Instrument, double Value, string? Scope)> measured;
        lock (seen) measured = [.. seen];
        // The inbox row, the engine's batch and the delivered reply are each a write.
        measured.Count(m => m.Instrument == "qunzhu.sqlite.write_gate.hold").ShouldBeGreaterThanOrEqualTo(3);
        measured.Count(m => m.Instrument == "qunzhu.sqlite.write_gate.wait").ShouldBeGreaterThanOrEqualTo(3);
        measured.Where(m => m.Instrument == "qunzhu.sqlite.write_gate.hold").ShouldContain(m => m.Value > 0);
        measured.ShouldAllBe(m => m.Value >= 0);
        // Every hold says who held the gate; the inbox, the engine and delivery write on the single write connection.
        measured.ShouldAllBe(m => m.Scope == "transaction" || m.Scope == "command" || m.Scope == "writer" || m.Scope == "checkpoint");
        measured.Count(m => m.Instrument == "qunzhu.sqlite.write_gate.hold" && m.Scope == "writer").ShouldBeGreaterThanOrEqualTo(2);
    }
}
