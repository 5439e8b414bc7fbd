using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.Sandbox;

/// <summary>The group as a member sees it: members' joins, leaves and messages (from the inbox, their
/// record) merged in time with what the bot did (sandbox lines).</summary>
public static class SandboxTranscript
{
    /// <param name="partitions">The engine's partition count (<c>Engine:Partitions</c>): the chat's pending events are
    /// found in its partition's queue.</param>
    public static async Task<IReadOnlyList<TranscriptLine>> ReadAsync(AppDbContext db, Community community, int partitions, int limit, CancellationToken ct)
    {
        // Two index ranges: the chat's settled events (the chat-history index holds only those) and its events still
        // waiting in the queue of its partition.
        var partition = Partitions.Of(community.ExternalId, partitions);
        var settled = await db.Inbox.AsNoTracking()
            .Where(e => e.AccountId == community.AccountId && e.ChatId == community.ExternalId && e.Status != InboxStatus.Pending)
            .OrderByDescending(e => e.Sequence).Take(limit)
            .Select(e => new { e.Sequence, e.PlatformEventId, e.Payload, e.ReceivedAt })
            .ToListAsync(ct);
        // The account is compared after the read: given the account, SQLite would rather walk the account's whole
        // event-id index than the short queue.
        var pending = (await db.Inbox.AsNoTracking()
                .Where(e => e.Status == InboxStatus.Pending && e.Partition == partition && e.ChatId == community.ExternalId)
                .OrderByDescending(e => e.Sequence).Take(limit)
                .Select(e => new { e.Sequence, e.AccountId, e.PlatformEventId, e.Payload, e.ReceivedAt })
                .ToListAsync(ct))
            .Where(e => e.AccountId == community.AccountId)
            .Select(e => new { e.Sequence, e.PlatformEventId, e.Payload, e.ReceivedAt });
        var events = settled.Concat(pending).OrderByDescending(e => e.Sequence).Take(limit);
        var lines = await db.SandboxLines.AsNoTracking()
            .Where(l => l.CommunityId == community.Id)
            .OrderByDescending(l => l.Id).Take(limit)
            .ToListAsync(ct);
        var deleted = lines.Where(l => l.Kind == "deleted" && l.TargetMessageId is not null)
            .Select(l => l.TargetMessageId!).ToHashSet(StringComparer.Ordinal);

        var result = new List<(DateTime At, int Order, long Seq, TranscriptLine Line)>();
        foreach (var e in events)
        {
            var p = JsonSerializer.Deserialize<SandboxPayload>(e.Payload, SandboxJson.Options)!;
            // The leave a removal causes is shown once, as the removal.
            if (p.Kind == "leave" && e.PlatformEventId.StartsWith("removed:", StringComparison.Ordinal)) continue;
            // Stored order is the order the bot saw: a batch shares one commit time, the sequence breaks ties.
            result.Add((e.ReceivedAt, 0, e.Sequence, new TranscriptLine(e.ReceivedAt, p.MemberId, p.Kind, p.Text, SandboxEventIds.Caller(e.PlatformEventId), p.MemberName,
                p.Kind == "message" && deleted.Contains(e.PlatformEventId) ? true : null)));
        }
        foreach (var l in lines.Where(l => l.Kind != "deleted"))
        {
            result.Add((l.At, 1, l.Id, new TranscriptLine(l.At, "bot", l.Kind, l.Text, null, null, null, l.TargetUserId)));
        }
        return [.. result.OrderBy(r => r.At).ThenBy(r => r.Order).ThenBy(r => r.Seq).TakeLast(limit).Select(r => r.Line)];
    }
}

/// <summary>One line of a sandbox group's transcript.</summary>
/// <param name="From">The member's id, or "bot".</param>
/// <param name="Kind">message, join, leave, joinRequest, removed, muted, approved, declined, or private (a direct message to MemberId).</param>
/// <param name="Deleted">True for a member message the bot deleted.</param>
/// <param name="MemberId">For removed / muted / private: who.</param>
public sealed record TranscriptLine(DateTime At, string From, string Kind, string? Text, string? EventId, string? MemberName, bool? Deleted, string? MemberId = null);
