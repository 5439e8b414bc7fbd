using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Processing;

/// <summary>Per-batch lookups: communities, members and memberships of a whole batch are read in a
/// few queries up front instead of several per event.</summary>
internal sealed class EngineSession(AppDbContext db, IAppDbContextFactory dbs, Caching.IdentityCache identityCache)
{
    private readonly Dictionary<(Guid, string), Community?> _communities = [];
    private readonly Dictionary<(Guid, string), MemberIdentity> _identities = [];
    private readonly Dictionary<Guid, Member> _members = [];
    private readonly Dictionary<(Guid, Guid), Membership> _memberships = [];
    private readonly HashSet<Guid> _created = [];

    public async Task PreloadAsync(IReadOnlyList<(InboxEvent Stored, ChatEvent? Event)> batch, CancellationToken ct)
    {
        var accounts = batch.Select(b => b.Stored.AccountId).Distinct().ToList();
        var chats = batch.Select(b => b.Stored.ChatId).Distinct().ToList();
        foreach (var c in await db.Communities.AsNoTracking()
                     .Where(c => accounts.Contains(c.AccountId) && chats.Contains(c.ExternalId)).ToListAsync(ct))
            _communities[(c.AccountId, c.ExternalId)] = c;

        var people = batch.Where(b => UserOf(b.Event) is not null).Select(b => (b.Stored.AccountId, UserOf(b.Event)!.Id)).Distinct().ToList();
        if (people.Count == 0) return;
        await LoadIdentitiesAsync(people, ct);
        // The people this batch stored are known as written; only if another writer raced us to one are they read back.
        var created = await CreateNewMembersAsync(batch, ct);
        if (created is null) await LoadIdentitiesAsync(people, ct);
        foreach (var (member, identity) in created ?? [])
        {
            _identities[(identity.AccountId, identity.ExternalUserId)] = identity;
            _members[member.Id] = member;
            _created.Add(member.Id);
        }
        // Only people stored before this batch have rows to read: nothing can refer to a member this batch created.
        var memberIds = _identities.Values.Select(i => i.MemberId).Where(id => !_created.Contains(id)).Distinct().ToList();
        if (memberIds.Count == 0) return;
        var stored = memberIds.Where(id => !_members.ContainsKey(id)).ToList();
        if (stored.Count > 0)
        {
            foreach (var m in await db.Members.Where(m => stored.Contains(m.Id)).ToListAsync(ct))
                _members[m.Id] = m;
        }
        // By (workspace, member), then kept for the batch's groups: given the groups and the members, SQLite probes the
        // (group, member) index for every pair of the two lists, a million probes for a batch of a thousand people.
        var communityIds = _communities.Values.OfType<Community>().Select(c => c.Id).ToHashSet();
        var workspaceIds = _communities.Values.OfType<Community>().Select(c => c.WorkspaceId).Distinct().ToList();
        foreach (var m in await db.Memberships.AsNoTracking()
                     .Where(m => workspaceIds.Contains(m.WorkspaceId) && memberIds.Contains(m.MemberId)).ToListAsync(ct))
        {
            if (!communityIds.Contains(m.CommunityId)) continue;
            db.Memberships.Attach(m);
            _memberships[(m.CommunityId, m.MemberId)] = m;
        }
    }

    private async Task LoadIdentitiesAsync(List<(Guid AccountId, string UserId)> people, CancellationToken ct)
    {
        // Identities are never changed once stored: the ones met before come from the cache, and are not tracked.
        List<(Guid AccountId, string UserId)> unknown = [];
        foreach (var (account, user) in people)
        {
            if (identityCache.TryGet(account, user, out var identity)) _identities[(account, user)] = identity;
            else unknown.Add((account, user));
        }
        if (unknown.Count == 0) return;
        var accounts = unknown.Select(p => p.AccountId).Distinct().ToList();
        var users = unknown.Select(p => p.UserId).Distinct().ToList();
        var loaded = await db.MemberIdentities.AsNoTracking()
            .Where(i => accounts.Contains(i.AccountId) && users.Contains(i.ExternalUserId)).ToListAsync(ct);
        identityCache.AddCommitted(loaded);
        foreach (var i in loaded) _identities[(i.AccountId, i.ExternalUserId)] = i;
    }

    /// <summary>The people this batch sees for the first time. On SQLite they are added to the batch's own write: this
    /// process is the only writer and runs one batch at a time, so no other batch can store the same person meanwhile.
    /// (If something else does, such as the WeCom group sync, the batch fails once on the unique index and is redone
    /// event by event, each reading that person back.)
    /// On PostgreSQL each is stored by a short write of its own before the batch's transaction. Batches of other
    /// partitions (on this node or another) may meet the same new person at the same moment; inserting the identity
    /// inside the batch made one of them fail on the unique index or deadlock, and redo its whole batch with the event
    /// counted as a failed attempt. Here the loser just reads the winner's row.</summary>
    /// <returns>The people created (none when nobody was new), or null when another batch stored one of them first
    /// and they must be read back.</returns>
    private async Task<IReadOnlyCollection<(Member Member, MemberIdentity Identity)>?> CreateNewMembersAsync(
        IReadOnlyList<(InboxEvent Stored, ChatEvent? Event)> batch, CancellationToken ct)
    {
        var created = new Dictionary<(Guid, string), (Member Member, MemberIdentity Identity)>();
        foreach (var (stored, chatEvent) in batch)
        {
            if (UserOf(chatEvent) is not { } user || Community(stored.AccountId, stored.ChatId) is not { } community) continue;
            var key = (community.AccountId, user.Id);
            if (_identities.ContainsKey(key) || created.ContainsKey(key)) continue;
            created[key] = NewMember(community, user, chatEvent!.At);
        }
        if (created.Count == 0) return [];
        if (db.IsSqlite())
        {
            foreach (var (member, identity) in created.Values)
            {
                db.Members.Add(member);
                db.MemberIdentities.Add(identity);
            }
            return created.Values;
        }
        // All at once (one write); only if another batch raced us to one of them, one at a time.
        if (await TryStoreAsync(created.Values, ct))
        {
            identityCache.AddCommitted(created.Values.Select(p => p.Identity));
            foreach (var (member, _) in created.Values) db.Members.Attach(member);
            return created.Values;
        }
        foreach (var person in created.Values) await TryStoreAsync([person], ct);
        return null;
    }

    /// <returns>False when another batch stored one of them first: its row is loaded with the others.
    /// (Had the write failed for another reason, Resolve creates the member inside the batch, as before.)</returns>
    private async Task<bool> TryStoreAsync(IEnumerable<(Member Member, MemberIdentity Identity)> people, CancellationToken ct)
    {
        await using var write = dbs.Create();
        try
        {
            // Appended (one prepared statement per table), not saved row by row: this write holds the write lock too.
            await using var tx = await write.Database.BeginTransactionAsync(ct);
            await write.InsertAsync([.. people.Select(p => p.Member)], ct);
            await write.InsertAsync([.. people.Select(p => p.Identity)], ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (System.Data.Common.DbException)
        {
            return false;
        }
    }

    /// <summary>Whether this batch met the member for the first time (created them, in its own write or just before it):
    /// no stored row can refer to them yet, so there are no memberships, check-ins or points of theirs to read. (On
    /// PostgreSQL another node's batch could write one in the moment after the short write that stored them: the same as
    /// had it come just after this batch's reads.)</summary>
    public bool IsNew(Guid memberId) => _created.Contains(memberId);

    /// <summary>The member behind a platform user, if they are known (stored before this batch, or created by it).</summary>
    public Guid? MemberIdOf(Guid accountId, string userId) =>
        _identities.TryGetValue((accountId, userId), out var identity) ? identity.MemberId : null;

    public Community? Community(Guid accountId, string chatId) =>
        _communities.GetValueOrDefault((accountId, chatId));

    /// <summary>The bot learned of a chat: a new one becomes a community of the account (the workspace's
    /// default template applies while it has none of its own); a known one takes the new title.</summary>
    /// <returns>The community when it is new, else null.</returns>
    public Community? Discover(InboxEvent stored, ChatDiscovered discovered)
    {
        var title = string.IsNullOrWhiteSpace(discovered.Title) ? stored.ChatId : discovered.Title.Trim();
        if (title.Length > 200) title = title[..200];
        if (Community(stored.AccountId, stored.ChatId) is { } known)
        {
            if (known.Name == title) return null;
            if (db.Entry(known).State == EntityState.Detached) db.Communities.Attach(known);
            known.Name = title;
            return null;
        }
        var community = new Community
        {
            WorkspaceId = stored.WorkspaceId,
            AccountId = stored.AccountId,
            Platform = stored.Platform,
            ExternalId = stored.ChatId,
            Name = title,
            CreatedAt = discovered.At,
        };
        db.Communities.Add(community);
        _communities[(stored.AccountId, stored.ChatId)] = community;
        return community;
    }

    /// <summary>The member behind a platform user, created on first sight, without making them a member
    /// of the group (a join request is not a join).</summary>
    public Member ResolveMember(Community community, ChatUser user, DateTime now)
    {
        if (!_identities.TryGetValue((community.AccountId, user.Id), out var identity))
        {
            (var created, identity) = NewMember(community, user, now);
            db.Members.Add(created);
            db.MemberIdentities.Add(identity);
            _members[created.Id] = created;
            _created.Add(created.Id);
            _identities[(community.AccountId, user.Id)] = identity;
        }
        var member = _members[identity.MemberId];
        if (!string.IsNullOrWhiteSpace(user.Name) && member.DisplayName != user.Name) member.DisplayName = user.Name;
        return member;
    }

    /// <summary>The member behind a platform user (created on first sight) and their membership of the group.</summary>
    public (Member Member, Membership Membership, bool NewMembership) Resolve(Community community, ChatUser user, DateTime now)
    {
        var member = ResolveMember(community, user, now);

        var isNew = !_memberships.TryGetValue((community.Id, member.Id), out var membership);
        if (membership is null)
        {
            membership = new Membership
            {
                WorkspaceId = community.WorkspaceId,
                CommunityId = community.Id,
                MemberId = member.Id,
                JoinedAt = now,
                Role = user.IsChatAdmin ? MemberRole.Admin : MemberRole.Member,
            };
            db.Memberships.Add(membership);
            _memberships[(community.Id, member.Id)] = membership;
        }
        return (member, membership, isNew);
    }

    public static ChatUser? UserOf(ChatEvent? e) => e switch
    {
        MemberJoined j => j.User,
        MemberLeft l => l.User,
        MessagePosted m => m.User,
        JoinRequested r => r.User,
        _ => null,
    };

    private static (Member Member, MemberIdentity Identity) NewMember(Community community, ChatUser user, DateTime now)
    {
        var member = new Member { WorkspaceId = community.WorkspaceId, DisplayName = NameOf(user), CreatedAt = now };
        return (member, new MemberIdentity
        {
            WorkspaceId = community.WorkspaceId,
            MemberId = member.Id,
            AccountId = community.AccountId,
            Platform = community.Platform,
            ExternalUserId = user.Id,
            CreatedAt = now,
        });
    }

    private static string NameOf(ChatUser user) => string.IsNullOrWhiteSpace(user.Name) ? user.Id : user.Name;
}
