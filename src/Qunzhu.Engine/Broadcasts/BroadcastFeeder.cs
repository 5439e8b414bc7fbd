using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Content;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Text;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Delivery;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Broadcasts;

/// <summary>Hands planned targets to the outbox through the <see cref="ActionRouter"/> (or to staff when the
/// platform does not post freely), keeping at most a window of the run's messages waiting in the outbox.
/// The outbox's token buckets pace the actual sends.</summary>
public sealed class BroadcastFeeder(ActionRouter router, PlatformCatalog platforms, IOptions<BroadcastOptions> options, IOptions<DeliveryOptions> delivery)
{
    public async Task<int> FeedAsync(AppDbContext db, BroadcastRun run, ContentItem content, WorkspaceConfig cfg, DateTime now, CancellationToken ct)
    {
        var platformsInRun = await db.BroadcastDeliveries.Where(d => d.RunId == run.Id && d.State == BroadcastDeliveryState.Planned)
            .Join(db.Communities, d => d.CommunityId, c => c.Id, (d, c) => c.Platform).Distinct().ToListAsync(ct);
        if (platformsInRun.Count == 0) return 0;
        var waiting = await db.BroadcastDeliveries.Where(d => d.RunId == run.Id && d.State == BroadcastDeliveryState.Queued)
            .Join(db.Outbox.Where(o => o.Status == OutboxStatus.Pending), d => d.Key, o => o.IdempotencyKey, (d, o) => o.Id)
            .CountAsync(ct);
        var room = Window(platformsInRun) - waiting;
        if (room <= 0) return 0;

        var rows = await db.BroadcastDeliveries.Where(d => d.RunId == run.Id && d.State == BroadcastDeliveryState.Planned)
            .OrderBy(d => d.Id).Take(room).ToListAsync(ct);
        var ids = rows.Select(r => r.CommunityId).ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var locale = cfg.Workspace.Locale;
        var date = ContentRenderer.LocalDate(run.Occurrence, cfg.Zone);
        var attachment = content.Kind == ContentKind.Text ? null : new OutboundAttachment(content.Kind, content.Id == Guid.Empty ? null : content.Id,
            content.MediaId, content.Url, content.Title, content.Description, content.CoverMediaId, content.CardAppId, content.CardPagePath);
        var reason = BotText.Get("Broadcast_StaffReason", locale);

        foreach (var row in rows)
        {
            row.HandedOverAt = now;
            if (!communities.TryGetValue(row.CommunityId, out var community))
            {
                (row.State, row.Error) = (BroadcastDeliveryState.Failed, "The group no longer exists.");
                continue;
            }
            var capabilities = community.Capabilities ?? platforms.Capabilities(community.Platform);
            var text = ContentRenderer.Text(content, ContentRenderer.Values(community.Name, date, locale, community.Variables));
            if (capabilities.MaxTextLength is { } max && text.Length > max)
            {
                row.State = BroadcastDeliveryState.Failed;
                row.Error = BotText.Format("Broadcast_TextTooLong", locale, new Dictionary<string, string>
                {
                    ["length"] = text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["platform"] = community.Platform.ToString(),
                    ["max"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
                continue;
            }
            router.Route(db, community, capabilities, new BotAction(BotActionKind.SendMessage, Text: text, Reason: reason, Attachment: attachment),
                row.Key, locale, now);
            row.State = capabilities.PostsFreely ? BroadcastDeliveryState.Queued : BroadcastDeliveryState.WaitingForStaff;
        }
        return rows.Count;
    }

    private int Window(IEnumerable<PlatformKind> kinds)
    {
        var o = options.Value;
        var rate = kinds.Max(k => delivery.Value.RateLimits.GetValueOrDefault(k.ToString()) is { } limit
            ? limit.PerAccountPerSecond * o.WindowSeconds + limit.PerAccountBurst
            : o.MaxWindow);
        return (int)Math.Clamp(Math.Ceiling(rate), o.MinWindow, o.MaxWindow);
    }
}
