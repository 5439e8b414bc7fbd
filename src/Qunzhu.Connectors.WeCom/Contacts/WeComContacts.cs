using Microsoft.EntityFrameworkCore;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.Callbacks;
using Qunzhu.Connectors.WeCom.Groups;
using Qunzhu.Core.WeCom;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.WeCom.Contacts;

/// <summary>Customer contacts as the change_external_contact callbacks report them, one row per customer and
/// staff member: added (with the contact way's State: attribution), edited, deleted by the staff member
/// (del_external_contact) or by the customer (del_follow_user); a customer who adds the staff member again
/// after a deletion is added again. Each change is applied by the follow-up step, once per callback; applying
/// one twice changes nothing, and an older callback does not undo a newer one.</summary>
public sealed class WeComContacts(IAppDbContextFactory dbs, WeComApiClient api)
{
    public const string RemovedByStaff = "staff";
    public const string RemovedByCustomer = "customer";

    /// <returns>Null when applied; else why nothing changed.</returns>
    public async Task<string?> ApplyAsync(WeComAccountContext account, WeComCallback c, CancellationToken ct)
    {
        if (c.ExternalUserId is not { } external || c.UserId is not { } user) return "The callback names no customer or staff member.";
        await using var db = dbs.Create();
        var row = await db.WeComContacts.FirstOrDefaultAsync(x => x.AccountId == account.AccountId && x.ExternalUserId == external && x.UserId == user, ct);
        switch (c.ChangeType)
        {
            case WeComEvents.AddExternalContact or WeComEvents.AddHalfExternalContact:
                if (row is null)
                {
                    db.WeComContacts.Add(new WeComContact
                    {
                        WorkspaceId = account.WorkspaceId,
                        AccountId = account.AccountId,
                        ExternalUserId = external,
                        UserId = user,
                        State = Bounded(c.State),
                        AddedAt = c.At,
                    });
                }
                else if (row.RemovedAt is { } removed && c.At >= removed)
                {
                    (row.AddedAt, row.RemovedAt, row.RemovedBy, row.State) = (c.At, null, null, Bounded(c.State) ?? row.State);
                }
                else
                {
                    row.State ??= Bounded(c.State);
                }
                break;
            case WeComEvents.EditExternalContact when row is not null:
                if (row.EditedAt is null || c.At > row.EditedAt) row.EditedAt = c.At;
                break;
            case WeComEvents.DelExternalContact or WeComEvents.DelFollowUser when row is not null:
                if (row.RemovedAt is null && c.At >= row.AddedAt)
                    (row.RemovedAt, row.RemovedBy) = (c.At, c.ChangeType == WeComEvents.DelFollowUser ? RemovedByCustomer : RemovedByStaff);
                break;
            default:
                return $"Customer '{external}' of '{user}' is not known here; '{c.ChangeType}' was recorded only.";
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>change_external_tag delete: the tag (or a whole tag group) is gone in WeCom, so it is dropped
    /// from every customer of this account that carried it. WeCom's tag list is the truth.</summary>
    public async Task<int> PruneDeletedTagsAsync(WeComAccountContext account, CancellationToken ct)
    {
        var groups = await api.GetCorpTagsAsync(account.Settings.Credentials, ct);
        var existing = groups.Where(g => !g.Deleted).SelectMany(g => g.Tag).Where(t => !t.Deleted && t.Id is not null)
            .Select(t => t.Id!).ToHashSet(StringComparer.Ordinal);
        await using var db = dbs.Create();
        var tagged = await db.WeComContacts.Where(x => x.AccountId == account.AccountId).ToListAsync(ct);
        var changed = 0;
        foreach (var contact in tagged.Where(x => x.TagIds.Any(t => !existing.Contains(t))))
        {
            contact.TagIds = [.. contact.TagIds.Where(existing.Contains)];
            changed++;
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>WeCom's state is at most 30 characters; a longer one (not from Qunzhu) is kept cut.</summary>
    private static string? Bounded(string? state) => state is { Length: > JoinWay.MaxStateLength } ? state[..JoinWay.MaxStateLength] : state;
}
