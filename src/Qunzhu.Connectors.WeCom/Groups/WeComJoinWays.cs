using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Core.Communities;
using Qunzhu.Core.WeCom;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.WeCom.Groups;

/// <summary>Channel codes on WeCom: a join way (QR code plug-in, scene 2) into up to five groups, tagged with a
/// state. WeCom reports that state for everyone who joins through it (groupchat/get), and the follow-up step
/// carries it into the join as its invite code: that is the attribution.</summary>
public sealed class WeComJoinWays(IAppDbContextFactory dbs, WeComApiClient api, TimeProvider time)
{
    public async Task<WeComJoinWay> CreateAsync(WeComAccountContext account, IReadOnlyList<Community> communities, string state, string? remark,
        CancellationToken ct)
    {
        var chatIds = communities.Select(c => c.ExternalId).ToList();
        var credentials = account.Settings.Credentials;
        var configId = await api.AddJoinWayAsync(credentials, new JoinWay(Scene: 2, chatIds, state, remark), ct);
        var way = await api.GetJoinWayAsync(credentials, configId, ct);
        var row = new WeComJoinWay
        {
            WorkspaceId = account.WorkspaceId,
            AccountId = account.AccountId,
            State = state,
            Remark = remark,
            ConfigId = configId,
            QrCode = way.QrCode,
            CommunityIds = [.. communities.Select(c => c.Id)],
            ChatIds = chatIds,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await using var db = dbs.Create();
        db.WeComJoinWays.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }
}
