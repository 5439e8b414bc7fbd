using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Topics;

/// <summary>Which groups got which topic when: SOP steps record a <see cref="Core.Topics.TopicUse"/>; a topic
/// scheduled as a broadcast (origin "topic:{id}") counts once its delivery to a group is handed over.</summary>
public static class TopicHistory
{
    public const string OriginPrefix = "topic:";

    public static string Origin(Guid topicId) => OriginPrefix + topicId.ToString("N");

    public sealed record Entry(Guid TopicId, Guid CommunityId, DateTime At, string Source);

    /// <summary>Uses in the workspace, optionally for one topic or group, since a time; newest first.</summary>
    public static async Task<List<Entry>> ReadAsync(AppDbContext db, Guid workspaceId, Guid? topicId, Guid? communityId, DateTime? since, int limit,
        CancellationToken ct)
    {
        var uses = db.TopicUses.Where(u => u.WorkspaceId == workspaceId);
        if (topicId is { } t) uses = uses.Where(u => u.TopicId == t);
        if (communityId is { } c) uses = uses.Where(u => u.CommunityId == c);
        if (since is { } s) uses = uses.Where(u => u.At >= s);
        var fromSops = await uses.OrderByDescending(u => u.At).Take(limit)
            .Select(u => new Entry(u.TopicId, u.CommunityId, u.At, "sop")).ToListAsync(ct);

        var origin = topicId is { } id ? Origin(id) : null;
        var broadcasts = await db.Broadcasts.Where(b => b.WorkspaceId == workspaceId && b.Origin != null && b.Origin.StartsWith(OriginPrefix)
                && (origin == null || b.Origin == origin))
            .Select(b => new { b.Id, b.Origin }).ToListAsync(ct);
        var fromBroadcasts = new List<Entry>();
        if (broadcasts.Count > 0)
        {
            var ids = broadcasts.Select(b => b.Id).ToList();
            var deliveries = db.BroadcastDeliveries.Where(d => ids.Contains(d.BroadcastId) && d.HandedOverAt != null
                && (d.State == BroadcastDeliveryState.Queued || d.State == BroadcastDeliveryState.WaitingForStaff));
            if (communityId is { } cc) deliveries = deliveries.Where(d => d.CommunityId == cc);
            if (since is { } ss) deliveries = deliveries.Where(d => d.HandedOverAt >= ss);
            var rows = await deliveries.OrderByDescending(d => d.HandedOverAt).Take(limit)
                .Select(d => new { d.BroadcastId, d.CommunityId, At = d.HandedOverAt!.Value }).ToListAsync(ct);
            var topicOf = broadcasts.ToDictionary(b => b.Id, b => Guid.ParseExact(b.Origin![OriginPrefix.Length..], "N"));
            fromBroadcasts.AddRange(rows.Select(r => new Entry(topicOf[r.BroadcastId], r.CommunityId, r.At, "broadcast")));
        }
        return [.. fromSops.Concat(fromBroadcasts).OrderByDescending(e => e.At).Take(limit)];
    }
}
