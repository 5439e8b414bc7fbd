using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Qunzhu.Engine.Processing;

/// <summary>Processing loops (one per partition unless <see cref="EngineOptions.Loops"/> says fewer): events of
/// a chat are processed in order, loops run in parallel. Woken by the inbox writer; polls for events other nodes stored.</summary>
public sealed partial class InboxProcessor(
    EventEngine engine,
    PartitionLeases leases,
    EngineSignals signals,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = options.Value.LoopCount;
        return Task.WhenAll(Enumerable.Range(0, loops).Select(loop =>
            RunLoopAsync(loop, [.. Enumerable.Range(0, options.Value.Partitions).Where(p => p % loops == loop)], stoppingToken)));
    }

    private async Task RunLoopAsync(int loop, int[] partitions, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var owned = partitions.Where(leases.Owns).ToList();
                var settled = owned.Count > 0 ? await engine.ProcessNextBatchAsync(owned, ct) : 0;
                if (settled > 0)
                {
                    var o = options.Value;
                    if (o.GatherAbove > 0 && settled >= o.GatherAbove && settled < o.BatchSize && o.GatherDelay > TimeSpan.Zero)
                        await Task.Delay(o.GatherDelay, time, ct);
                    continue;
                }
                await signals.WaitInboxAsync(loop, options.Value.PollInterval, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex, loop);
                await Task.Delay(options.Value.PollInterval, time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing loop {Loop} failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, int loop);
}
