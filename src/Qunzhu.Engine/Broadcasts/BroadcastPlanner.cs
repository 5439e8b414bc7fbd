using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Content;
using Qunzhu.Core.Text;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Broadcasts;

/// <summary>Writes per-target rows for the next batch of a run's targets: those without a row yet, in id
/// order, so planning resumes where a crash left it. A target whose platform cannot send the content is
/// planned as failed, with the reason.</summary>
public sealed class BroadcastPlanner(PlatformCatalog platforms, ConfigCache config, IOptions<BroadcastOptions> options)
{
    /// <summary>Plans one batch; true when every target is planned.</summary>
    public async Task<bool> PlanBatchAsync(AppDbContext db, Broadcast broadcast, BroadcastRun run, ContentItem content, DateTime now, CancellationToken ct)
    {
        var size = options.Value.PlanBatchSize;
        var planned = db.BroadcastDeliveries.Where(d => d.RunId == run.Id).Select(d => d.CommunityId);
        var batch = await BroadcastTargeting.Query(db, broadcast.WorkspaceId, broadcast.Targets)
            .Where(c => !planned.Contains(c.Id))
            .OrderBy(c => c.Id).Take(size)
            .Select(c => new { c.Id, c.Platform, c.Capabilities })
            .ToListAsync(ct);
        var locale = (await config.GetAsync(broadcast.WorkspaceId, ct)).Workspace.Locale;
        foreach (var target in batch)
        {
            var capabilities = target.Capabilities ?? platforms.Capabilities(target.Platform);
            var delivery = new BroadcastDelivery
            {
                WorkspaceId = broadcast.WorkspaceId,
                BroadcastId = broadcast.Id,
                RunId = run.Id,
                CommunityId = target.Id,
                Key = BroadcastDelivery.KeyFor(run.Id, target.Id),
                CreatedAt = now,
            };
            if (!capabilities.Sends(content.Kind))
            {
                delivery.State = BroadcastDeliveryState.Failed;
                delivery.Error = BotText.Format("Broadcast_CannotSendKind", locale, new Dictionary<string, string>
                {
                    ["platform"] = target.Platform.ToString(),
                    ["kind"] = content.Kind.ToString().ToLowerInvariant(),
                });
            }
            db.BroadcastDeliveries.Add(delivery);
        }
        run.Total += batch.Count;
        return batch.Count < size;
    }
}
