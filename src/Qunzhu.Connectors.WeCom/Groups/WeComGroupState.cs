using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.Callbacks;
using Qunzhu.Connectors.WeCom.FollowUps;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.WeCom;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.WeCom.Groups;

/// <summary>Turns a reading of a group (groupchat/get) into inbox rows: the group's name when Qunzhu does not
/// know it yet, then a leave per stay that ended and a join per stay that began, then remembers the reading.
/// The rows' ids are the stays themselves, so a crash between the writes, a WeCom retry or a second callback
/// for the same change stores each join and each leave once.</summary>
public sealed class WeComGroupState(IAppDbContextFactory dbs, IInboxWriter inbox, TimeProvider time)
{
    private readonly ConcurrentDictionary<(Guid, string), SemaphoreSlim> _gates = new();

    public sealed record Outcome(int Joined, int Left, bool Discovered);

    public async Task<Outcome> ApplyAsync(WeComAccountContext account, GroupChat chat, string sourceEventId, DateTime at, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd((account.AccountId, chat.ChatId), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var db = dbs.Create();
            var known = await db.WeComGroupMembers.Where(m => m.AccountId == account.AccountId && m.ChatId == chat.ChatId).ToListAsync(ct);
            var community = await db.Communities.AsNoTracking()
                .FirstOrDefaultAsync(c => c.AccountId == account.AccountId && c.ExternalId == chat.ChatId, ct);
            var name = WeComGroupNames.Of(chat);
            var discovered = community is null || !string.Equals(community.Name, name, StringComparison.Ordinal);
            if (discovered)
            {
                var change = new WeComChange(WeComChange.Chat, chat.ChatId, at, Title: name);
                await WriteAsync(account, [(WeComEventIds.Discovered(sourceEventId), change)], ct);
            }
            var (left, joined) = GroupMemberDiff.Compute(known, chat, at);
            // Leaves first: someone who left and came back must end up in the group.
            await WriteAsync(account, [.. left.Select(l => (WeComEventIds.Left(chat.ChatId, l.UserId!, l.JoinTime), l))], ct);
            await WriteAsync(account, [.. joined.Select(j => (WeComEventIds.Joined(chat.ChatId, j.UserId!, j.JoinTime), j))], ct);
            Remember(db, account, chat, known);
            await db.SaveChangesAsync(ct);
            return new Outcome(joined.Count, left.Count, discovered);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The group was dismissed: everyone Qunzhu knew in it has left.</summary>
    public async Task<int> DismissAsync(WeComAccountContext account, string chatId, DateTime at, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var known = await db.WeComGroupMembers.Where(m => m.AccountId == account.AccountId && m.ChatId == chatId).ToListAsync(ct);
        await WriteAsync(account, [.. known.Select(k => (WeComEventIds.Left(chatId, k.UserId, k.JoinTime),
            new WeComChange(WeComChange.Leave, chatId, at, k.UserId, JoinTime: k.JoinTime)))], ct);
        db.WeComGroupMembers.RemoveRange(known);
        await db.SaveChangesAsync(ct);
        return known.Count;
    }

    /// <summary>Replaces the remembered reading with this one (tracked rows are saved by the caller).</summary>
    internal void Remember(AppDbContext db, WeComAccountContext account, GroupChat chat, List<WeComGroupMember> known)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var current = chat.MemberList.GroupBy(m => m.Userid, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var row in known)
        {
            if (!current.Remove(row.UserId, out var m))
            {
                db.WeComGroupMembers.Remove(row);
                continue;
            }
            (row.JoinTime, row.State, row.UpdatedAt) = (m.JoinTime, m.State, now);
        }
        foreach (var m in current.Values)
        {
            db.WeComGroupMembers.Add(new WeComGroupMember
            {
                WorkspaceId = account.WorkspaceId,
                AccountId = account.AccountId,
                ChatId = chat.ChatId,
                UserId = m.Userid,
                JoinTime = m.JoinTime,
                State = m.State,
                UpdatedAt = now,
            });
        }
    }

    private async Task WriteAsync(WeComAccountContext account, IReadOnlyList<(string Id, WeComChange Change)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        // Concurrent writes share one group commit; the caller awaits one kind (leaves, joins) before the next.
        await Task.WhenAll(rows.Select(r => inbox.AcceptAsync(
            new InboxItem(account.WorkspaceId, account.AccountId, PlatformKind.WeCom, r.Id, r.Change.ChatId, r.Change.ToJson()), ct)));
    }
}
