using BenchmarkDotNet.Attributes;
using Qunzhu.Core.Moderation;

namespace Qunzhu.Benchmarks;

/// <summary>The moderation hot path: every message of a busy group checked against a
/// workspace-sized word list. The corpus is ~1 MB of UTF-8; the MB/s column divides its
/// size by the mean time of one pass over it.</summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class SensitiveWordScanBenchmarks
{
    public const int WordCount = 10_000;
    public const int CorpusBytes = 1_000_000;
    public const int WordSeed = 42;
    private const int CorpusSeed = 7;

    private SensitiveWordMatcher _matcher = SensitiveWordMatcher.Empty;
    private string[] _messages = [];

    /// The corpus size in UTF-8 bytes, computed the same way in the host process for the column.
    public static long CorpusSize { get; } = ChatCorpus.Utf8Size(Corpus());

    [GlobalSetup]
    public void Setup()
    {
        _matcher = new SensitiveWordMatcher(ChatCorpus.Words(WordCount, WordSeed));
        _messages = Corpus();
    }

    /// Returns the number of messages with a hit, so the work cannot be optimized away.
    [Benchmark]
    public int FindFirstOverCorpus()
    {
        var hits = 0;
        foreach (var message in _messages)
        {
            if (_matcher.FindFirst(message) is not null) hits++;
        }
        return hits;
    }

    private static string[] Corpus() =>
        ChatCorpus.Messages(CorpusBytes, ChatCorpus.Words(WordCount, WordSeed), CorpusSeed);
}
