using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.AutoReplies;
using Qunzhu.Core.Events;
using Qunzhu.Core.Text;
using Qunzhu.Engine.Processing;

namespace Qunzhu.Engine.Modules;

/// <summary>Keyword auto-replies in scope for the group (workspace-wide, the group's template, or the
/// group itself), each rule quiet in a group for its cooldown after answering there.</summary>
public sealed class AutoReplyModule : IEngineModule
{
    public string Name => "auto-reply";

    public async ValueTask HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (context.Event is not MessagePosted posted || context.Answered || !context.Settings.AutoReply.Enabled) return;
        var communityId = context.Community.Id;
        var rule = context.Config.Replies.Match(posted.Text, r =>
            r.CommunityId == communityId || (r.CommunityId is null && (r.TemplateId is null || r.TemplateId == context.TemplateId)));
        if (rule is null) return;

        var cooldown = TimeSpan.FromSeconds(rule.CooldownSeconds ?? context.Settings.AutoReply.DefaultCooldownSeconds);
        var db = context.Db;
        // Tracked first: an earlier event of this batch may have fired the rule here.
        var state = context.Local<AutoReplyCooldown>().FirstOrDefault(c => c.RuleId == rule.Id && c.CommunityId == communityId)
            ?? await db.AutoReplyCooldowns.FirstOrDefaultAsync(c => c.RuleId == rule.Id && c.CommunityId == communityId, cancellationToken);
        if (state is not null && state.LastFiredAt + cooldown > context.At) return;
        if (state is null)
        {
            db.AutoReplyCooldowns.Add(new AutoReplyCooldown
            {
                WorkspaceId = context.Community.WorkspaceId,
                RuleId = rule.Id,
                CommunityId = communityId,
                LastFiredAt = context.At,
            });
        }
        else
        {
            state.LastFiredAt = context.At;
        }
        context.Reply(MessageFormatter.Format(rule.Reply, new Dictionary<string, string>
        {
            ["member"] = context.MemberName,
            ["group"] = context.Community.Name,
        }));
    }
}
