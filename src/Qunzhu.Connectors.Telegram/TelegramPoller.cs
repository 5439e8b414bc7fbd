using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;
using Qunzhu.Storage;
using Telegram.Bot;

namespace Qunzhu.Connectors.Telegram;

/// <summary>Long polling for accounts in polling mode: one loop per enabled account calling getUpdates with
/// the next offset; each update is stored before the offset moves past it (a crash re-fetches, the inbox
/// drops the repeat). Loops start and stop as accounts change, and all stop on shutdown.</summary>
public sealed partial class TelegramPoller(
    IAppDbContextFactory dbs,
    IAccountSettingsProvider accounts,
    TelegramClients clients,
    TelegramInbox inbox,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new Dictionary<Guid, (Task Loop, CancellationTokenSource Stop)>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var wanted = await PollingAccountsAsync(stoppingToken);
                    foreach (var id in wanted.Where(id => !loops.ContainsKey(id)))
                    {
                        var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                        loops[id] = (PollAsync(id, stop.Token), stop);
                    }
                    foreach (var id in loops.Keys.Except(wanted).ToList())
                    {
                        await loops[id].Stop.CancelAsync();
                        await loops[id].Loop;
                        loops[id].Stop.Dispose();
                        loops.Remove(id);
                    }
                    await Task.Delay(options.Value.AccountRefresh, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    LogRefreshFailed(logger, ex);
                    await Task.Delay(options.Value.PollErrorDelay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            foreach (var (_, stop) in loops.Values) await stop.CancelAsync();
            await Task.WhenAll(loops.Values.Select(l => l.Loop));
            foreach (var (_, stop) in loops.Values) stop.Dispose();
        }
    }

    private async Task<List<Guid>> PollingAccountsAsync(CancellationToken ct)
    {
        await using var db = dbs.Create();
        var ids = await db.PlatformAccounts.AsNoTracking().Where(a => a.Platform == PlatformKind.Telegram && a.Enabled).Select(a => a.Id).ToListAsync(ct);
        var polling = new List<Guid>();
        foreach (var id in ids)
            if (await accounts.FindAsync(id, ct) is { Enabled: true } s && TelegramSettings.IsPolling(s)) polling.Add(id);
        return polling;
    }

    private async Task PollAsync(Guid accountId, CancellationToken ct)
    {
        await Task.Yield();
        int? offset = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var settings = await accounts.GetAsync(accountId, ct);
                var updates = await clients.ForPolling(settings).GetUpdates(offset, limit: 100, timeout: options.Value.PollTimeoutSeconds,
                    allowedUpdates: TelegramAccountType.AllowedUpdates, cancellationToken: ct);
                foreach (var update in updates)
                {
                    await inbox.AcceptAsync(settings, JsonSerializer.Serialize(update, JsonBotAPI.Options), ct);
                    offset = update.Id + 1;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPollFailed(logger, ex, accountId);
                await Task.Delay(options.Value.PollErrorDelay, time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for Telegram accounts in polling mode failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "getUpdates for Telegram account {AccountId} failed; trying again shortly")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, Guid accountId);
}
