using BenchmarkDotNet.Attributes;
using Qunzhu.Core.Moderation;

namespace Qunzhu.Benchmarks;

/// <summary>Building the matcher for a 10,000-word list: paid on every change of a
/// workspace's list, so it should stay well under what an operator would notice.</summary>
[MemoryDiagnoser]
public class SensitiveWordBuildBenchmarks
{
    private string[] _words = [];

    [GlobalSetup]
    public void Setup() => _words = ChatCorpus.Words(SensitiveWordScanBenchmarks.WordCount, SensitiveWordScanBenchmarks.WordSeed);

    [Benchmark]
    public int Build() => new SensitiveWordMatcher(_words).Count;
}
