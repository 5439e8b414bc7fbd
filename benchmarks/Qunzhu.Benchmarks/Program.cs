using BenchmarkDotNet.Running;
using Qunzhu.Benchmarks;

// dotnet run -c Release --project benchmarks/Qunzhu.Benchmarks -- --filter '*SensitiveWord*' --job short
BenchmarkSwitcher.FromAssembly(typeof(SensitiveWordScanBenchmarks).Assembly).Run(args);
