using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Qunzhu.Engine.Processing;

/// <summary>One loop per partition: events of a chat are processed in order, chats of different
/// partitions in parallel. Woken by the inbox writer; polls for events other nodes stored.</summary>
public sealed partial class InboxProcessor(
    EventEngine engine,
    PartitionLeases leases,
    EngineSignals signals,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Partitions).Select(p => RunPartitionAsync(p, stoppingToken)));

    private async Task RunPartitionAsync(int partition, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (leases.Owns(partition) && await engine.ProcessNextBatchAsync(partition, ct) > 0) continue;
                await signals.WaitInboxAsync(partition, options.Value.PollInterval, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPartitionFailed(logger, ex, partition);
                await Task.Delay(options.Value.PollInterval, time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing partition {Partition} failed; retrying")]
    private static partial void LogPartitionFailed(ILogger logger, Exception exception, int partition);
}
