using Microsoft.EntityFrameworkCore;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Sops;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.WeCom.Groups;

/// <summary>"Sync groups": every customer group the app can see (groupchat/list, then groupchat/get each).
/// A group Qunzhu did not know is taken as it is (community, members, memberships with their join-way
/// state) without events: its members did not just join, and greeting hundreds of them would be wrong.
/// A known group is renamed if needed and read like a callback: whoever joined or left meanwhile becomes
/// an event, so missed callbacks are caught up. Running it twice changes nothing the second time.</summary>
public sealed class WeComGroupSync(IAppDbContextFactory dbs, WeComApiClient api, WeComGroupState state, SopEnroller sops, TimeProvider time)
{
    public sealed record Result(int Groups, int Created, int Renamed, int Members, int Joined, int Left);

    public async Task<Result> SyncAsync(WeComAccountContext account, CancellationToken ct)
    {
        var credentials = account.Settings.Credentials;
        var listed = await api.ListAllGroupChatsAsync(credentials, ct);
        var (created, renamed, members, joined, left) = (0, 0, 0, 0, 0);
        foreach (var item in listed)
        {
            var chat = await api.GetGroupChatAsync(credentials, item.ChatId, ct);
            members += chat.MemberList.Count;
            await using var db = dbs.Create();
            var community = await db.Communities.FirstOrDefaultAsync(c => c.AccountId == account.AccountId && c.ExternalId == chat.ChatId, ct);
            if (community is null)
            {
                await TakeAsIsAsync(account, chat, ct);
                created++;
                continue;
            }
            var name = WeComGroupNames.Of(chat);
            if (!string.Equals(community.Name, name, StringComparison.Ordinal))
            {
                community.Name = name;
                await db.SaveChangesAsync(ct);
                renamed++;
            }
            var outcome = await state.ApplyAsync(account, chat, $"sync:{chat.ChatId}:{chat.MemberVersion}", time.GetUtcNow().UtcDateTime, ct);
            (joined, left) = (joined + outcome.Joined, left + outcome.Left);
        }
        return new Result(listed.Count, created, renamed, members, joined, left);
    }

    /// <summary>A new community with its members as they are; retried once if the engine stored one of the
    /// same people at the same moment (unique identity per account).</summary>
    private async Task TakeAsIsAsync(WeComAccountContext account, GroupChat chat, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await TakeAsIsOnceAsync(account, chat, ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
            }
        }
    }

    private async Task TakeAsIsOnceAsync(WeComAccountContext account, GroupChat chat, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = dbs.Create();
        var community = new Community
        {
            WorkspaceId = account.WorkspaceId,
            AccountId = account.AccountId,
            Platform = PlatformKind.WeCom,
            ExternalId = chat.ChatId,
            Name = WeComGroupNames.Of(chat),
            CreatedAt = chat.CreateTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(chat.CreateTime).UtcDateTime : now,
        };
        db.Communities.Add(community);
        var userIds = chat.MemberList.Select(m => m.Userid).Distinct(StringComparer.Ordinal).ToList();
        var identities = await db.MemberIdentities
            .Where(i => i.AccountId == account.AccountId && userIds.Contains(i.ExternalUserId))
            .ToDictionaryAsync(i => i.ExternalUserId, StringComparer.Ordinal, ct);
        var admins = chat.AdminList.Select(a => a.Userid).ToHashSet(StringComparer.Ordinal);
        foreach (var m in chat.MemberList.DistinctBy(m => m.Userid, StringComparer.Ordinal))
        {
            if (!identities.TryGetValue(m.Userid, out var identity))
            {
                var member = new Member { WorkspaceId = account.WorkspaceId, DisplayName = GroupMemberDiff.NameOf(m), CreatedAt = now };
                identity = new MemberIdentity
                {
                    WorkspaceId = account.WorkspaceId,
                    MemberId = member.Id,
                    AccountId = account.AccountId,
                    Platform = PlatformKind.WeCom,
                    ExternalUserId = m.Userid,
                    CreatedAt = now,
                };
                db.Members.Add(member);
                db.MemberIdentities.Add(identity);
            }
            db.Memberships.Add(new Membership
            {
                WorkspaceId = account.WorkspaceId,
                CommunityId = community.Id,
                MemberId = identity.MemberId,
                JoinedAt = m.JoinTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(m.JoinTime).UtcDateTime : now,
                InviteCode = m.State,
                Role = m.Userid == chat.Owner ? MemberRole.Owner : admins.Contains(m.Userid) ? MemberRole.Admin : MemberRole.Member,
            });
        }
        var known = await db.WeComGroupMembers.Where(k => k.AccountId == account.AccountId && k.ChatId == chat.ChatId).ToListAsync(ct);
        state.Remember(db, account, chat, known);
        // A group found for the first time: group SOPs for new groups of its type start with it (see src/Qunzhu.Engine/README.md).
        await sops.OnCommunityCreatedAsync(db, community, now, ct);
        await db.SaveChangesAsync(ct);
    }
}
