using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Core.WeCom;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.WeCom.Groups;

/// <summary>Re-reads the status of group broadcasts still waiting for their owner's confirmation, so the
/// status moves to sent / partly sent / failed without anyone pressing refresh. One node does it (the one
/// holding partition 0); each round reads at most <see cref="WeComGroupMessageOptions.RefreshBatch"/>, the
/// least recently read first, and stops at WeCom's first rate-limit answer.</summary>
public sealed partial class WeComGroupMessageRefresher(
    IAppDbContextFactory dbs,
    WeComAccounts accounts,
    WeComGroupMessages messages,
    PartitionLeases leases,
    IOptions<WeComGroupMessageOptions> options,
    TimeProvider time,
    ILogger<WeComGroupMessageRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.RefreshInterval, time, stoppingToken);
                if (leases.Owned.Contains(0)) await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(logger, ex);
            }
        }
    }

    /// <returns>How many broadcasts were read.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var (since, readBefore) = (now - o.RefreshHorizon, now - o.RefreshInterval);
        await using var db = dbs.Create();
        var due = await db.WeComGroupMessages
            .Where(m => m.Status == WeComGroupMessageStatus.WaitingForConfirmation && m.CreatedAt >= since
                        && (m.RefreshedAt == null || m.RefreshedAt <= readBefore))
            .OrderBy(m => m.RefreshedAt ?? m.CreatedAt)
            .Take(o.RefreshBatch)
            .ToListAsync(ct);
        var read = 0;
        foreach (var message in due)
        {
            if (await accounts.FindAsync(message.AccountId, ct) is not { } account) continue;
            try
            {
                await messages.RefreshAsync(account, message, ct);
                read++;
            }
            catch (WeComApiException ex)
            {
                (message.LastError, message.RefreshedAt) = (ex.Message, time.GetUtcNow().UtcDateTime);
                LogRefreshFailed(logger, message.Id, ex.ErrCode, ex.ErrMsg);
                if (ex.IsTransient) break;
            }
            catch (HttpRequestException ex)
            {
                (message.LastError, message.RefreshedAt) = ("WeCom could not be reached: " + ex.Message, time.GetUtcNow().UtcDateTime);
                break;
            }
        }
        await db.SaveChangesAsync(ct);
        return read;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom group message refresh round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing WeCom group message {MessageId} failed: errcode {ErrCode}, {ErrMsg}")]
    private static partial void LogRefreshFailed(ILogger logger, Guid messageId, int errCode, string errMsg);
}
