using BenchmarkDotNet.Configs;

namespace Qunzhu.Benchmarks;

/// Adds the MB/s column to whatever job the command line chooses (e.g. --job short).
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn());
}
