using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Events;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Text;
using Qunzhu.Engine.Processing;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Modules;

/// <summary>Answers a request to join a group that admits by approval: someone on the workspace's shared
/// blacklist is declined, everyone else approved. (On a platform that cannot answer requests the router
/// turns the decision into a staff task.)</summary>
public static class JoinRequestPolicy
{
    public static async Task<BotAction> DecideAsync(AppDbContext db, Community community, Member member, JoinRequested request,
        string locale, CancellationToken ct)
    {
        var workspaceId = community.WorkspaceId;
        var memberId = member.Id;
        var blacklisted = !member.IsWhitelisted
            && (db.Blacklist.Local.Any(b => b.MemberId == memberId)
                || await db.Blacklist.AsNoTracking().AnyAsync(b => b.WorkspaceId == workspaceId && b.MemberId == memberId, ct));
        return blacklisted
            ? new BotAction(BotActionKind.DeclineJoinRequest, TargetUserId: request.User.Id, TargetUserName: member.DisplayName,
                Reason: BotText.Get("Reason_Blacklisted", locale))
            : new BotAction(BotActionKind.ApproveJoinRequest, TargetUserId: request.User.Id, TargetUserName: member.DisplayName);
    }
}
