using Qunzhu.Core.Events;
using Qunzhu.Engine.Processing;
using Qunzhu.Engine.Sops;

namespace Qunzhu.Engine.Modules;

/// <summary>Starts member SOPs for a joiner and ends those that stop when the member leaves, inside the
/// event's transaction: a replayed join starts nothing twice (the enrollment is keyed by the membership and
/// its join count). Last in the order: a joiner moderation removed again is not enrolled.</summary>
public sealed class SopModule(SopEnroller enroller) : IEngineModule
{
    public string Name => "sop";

    public async ValueTask HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        switch (context.Event)
        {
            case MemberJoined:
                if (await enroller.OnMemberJoinedAsync(context.Db, context.Community, context.Membership, context.Now, cancellationToken))
                    context.ScheduledJob = true;
                break;
            case MemberLeft:
                await SopEnroller.OnMemberLeftAsync(context.Db, context.Community, context.Member.Id, context.Locale, context.Now, cancellationToken);
                break;
        }
    }
}
