using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Events;
using Qunzhu.Core.Moderation;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Templates;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Processing;

namespace Qunzhu.Engine.Modules;

/// <summary>Runs first. On a join: a blacklisted member is removed again. On a message: links, sensitive
/// words, ads and flooding are detected; the member climbs the ladder (warn → mute → remove) counted
/// over the workspace inside a decaying window; the bot says why; the message reaches no other module.</summary>
public sealed class ModerationModule(ModerationListsCache lists, FloodTracker flood) : IEngineModule
{
    public string Name => "moderation";

    public async ValueTask HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        switch (context.Event)
        {
            case MemberJoined:
                await RemoveIfBlacklistedAsync(context, cancellationToken);
                break;
            case MessagePosted posted:
                await ModerateAsync(context, posted, cancellationToken);
                break;
        }
    }

    private static bool IsExempt(EventContext context) =>
        context.Member.IsWhitelisted || context.User.IsChatAdmin || context.Membership.Role is MemberRole.Admin or MemberRole.Owner;

    private static async Task RemoveIfBlacklistedAsync(EventContext context, CancellationToken ct)
    {
        if (IsExempt(context)) return;
        var workspaceId = context.Community.WorkspaceId;
        var memberId = context.Member.Id;
        if (!await IsBlacklistedAsync(context, ct)) return;
        var reason = context.Text("Reason_Blacklisted");
        context.Act(new BotAction(BotActionKind.RemoveMember, TargetUserId: context.User.Id, TargetUserName: context.MemberName, Reason: reason));
        context.Reply(context.Text("Moderation_Blacklisted"));
        context.Stop();
    }

    private async Task ModerateAsync(EventContext context, MessagePosted posted, CancellationToken ct)
    {
        var settings = context.Settings.Moderation;
        if (!settings.Enabled || IsExempt(context)) return;
        var workspaceId = context.Community.WorkspaceId;
        var finding = ModerationScanner.Scan(posted.Text, settings, await lists.GetAsync(workspaceId, ct));
        if (finding is null && settings.BlockFlooding
            && flood.Record(context.Community.Id, context.Member.Id, context.Inbox.PlatformEventId, posted.At, settings.FloodMaxMessages, TimeSpan.FromSeconds(settings.FloodWindowSeconds)))
        {
            finding = new ModerationFinding(ViolationKind.Flooding, $"> {settings.FloodMaxMessages} / {settings.FloodWindowSeconds}s");
        }
        if (finding is null) return;

        var memberId = context.Member.Id;
        var since = posted.At.AddHours(-settings.WindowHours);
        var previous = await StoredViolationsAsync(context, workspaceId, memberId, since, ct);
        previous.AddRange(context.Local<Violation>().Where(v => v.MemberId == memberId).Select(v => v.At));
        var decision = ViolationLadder.Next(previous, posted.At, settings);
        var taken = decision.Step.Action switch
        {
            LadderAction.Mute => LadderActionTaken.Muted,
            LadderAction.Remove => LadderActionTaken.Removed,
            _ => LadderActionTaken.Warned,
        };
        context.Db.Violations.Add(new Violation
        {
            WorkspaceId = workspaceId,
            CommunityId = context.Community.Id,
            MemberId = memberId,
            Kind = finding.Kind,
            Detail = finding.Detail.Length > 200 ? finding.Detail[..200] : finding.Detail,
            ExternalMessageId = posted.MessageId,
            Strike = decision.Strike,
            Action = taken,
            At = posted.At,
        });
        var message = context.Local<MessageRecord>().LastOrDefault(m => m.MemberId == memberId && m.ExternalMessageId == posted.MessageId);
        if (message is not null) message.Violation = finding.Kind.ToString();

        var reason = context.Text("Reason_" + finding.Kind);
        if (settings.DeleteViolatingMessage && posted.MessageId is not null)
            context.Act(new BotAction(BotActionKind.DeleteMessage, TargetUserId: context.User.Id, TargetUserName: context.MemberName,
                TargetMessageId: posted.MessageId, Reason: reason));
        if (decision.Step.Action == LadderAction.Remove) await AddToBlacklistAsync(context, reason, ct);
        Punish(context, decision, reason);
        context.Stop();
    }

    /// <summary>When the member's stored violations inside the window happened (the batch's own are in Local, and are not
    /// stored yet). On a batch's first violation, those of every member posting in the batch are read in one query, so a
    /// wave of spam or flooding costs one query a batch rather than one a message.</summary>
    private static async Task<List<DateTime>> StoredViolationsAsync(EventContext context, Guid workspaceId, Guid memberId, DateTime since,
        CancellationToken ct)
    {
        var state = context.Batch?.State<BatchViolations>();
        if (state is not null && state.ByMember is null)
        {
            // Every post of the batch that moderation looks at, this one among them: its window starts no earlier than
            // the earliest read here.
            var posts = context.Batch!.Items.Where(i => i.Event is MessagePosted && i.Settings.Moderation.Enabled).ToList();
            var members = posts.Select(i => i.MemberId).Distinct().ToList();
            var workspaces = posts.Select(i => i.Community.WorkspaceId).Distinct().ToList();
            var earliest = posts.Min(i => i.Event.At.AddHours(-i.Settings.Moderation.WindowHours));
            var stored = await context.Db.Violations.AsNoTracking()
                .Where(v => workspaces.Contains(v.WorkspaceId) && members.Contains(v.MemberId) && v.At > earliest && v.Kind != ViolationKind.Blacklisted)
                .Select(v => new { v.WorkspaceId, v.MemberId, v.At }).ToListAsync(ct);
            var byMember = stored.ToLookup(v => (v.WorkspaceId, v.MemberId), v => v.At);
            state.ByMember = posts.Select(i => (i.Community.WorkspaceId, i.MemberId)).Distinct().ToDictionary(p => p, p => byMember[p].ToList());
        }
        if (state?.ByMember?.GetValueOrDefault((workspaceId, memberId)) is { } times) return [.. times.Where(at => at > since)];
        // Not among the batch's posts as prepared (or no batch): read alone.
        return await context.Db.Violations.AsNoTracking()
            .Where(v => v.WorkspaceId == workspaceId && v.MemberId == memberId && v.At > since && v.Kind != ViolationKind.Blacklisted)
            .Select(v => v.At).ToListAsync(ct);
    }

    private sealed class BatchViolations
    {
        /// <summary>Every member posting in the batch, with the times of their stored violations (none: an empty list).</summary>
        public Dictionary<(Guid Workspace, Guid Member), List<DateTime>>? ByMember { get; set; }
    }

    private static void Punish(EventContext context, LadderDecision decision, string reason)
    {
        var values = new Dictionary<string, string>
        {
            ["reason"] = reason,
            ["strike"] = decision.Strike.ToString(CultureInfo.InvariantCulture),
            ["max"] = decision.MaxStrikes.ToString(CultureInfo.InvariantCulture),
            ["minutes"] = (decision.Step.MuteMinutes ?? 0).ToString(CultureInfo.InvariantCulture),
        };
        switch (decision.Step.Action)
        {
            case LadderAction.Warn:
                context.Reply(context.Text("Moderation_Warn", values));
                break;
            case LadderAction.Mute:
                context.Act(new BotAction(BotActionKind.MuteMember, TargetUserId: context.User.Id, TargetUserName: context.MemberName,
                    DurationSeconds: (decision.Step.MuteMinutes ?? 60) * 60, Reason: reason));
                context.Reply(context.Text("Moderation_Mute", values));
                break;
            case LadderAction.Remove:
                context.Act(new BotAction(BotActionKind.RemoveMember, TargetUserId: context.User.Id, TargetUserName: context.MemberName, Reason: reason));
                context.Reply(context.Text("Moderation_Remove", values));
                break;
        }
    }

    /// <summary>In the database, or added by an earlier event of this batch.</summary>
    private static async Task<bool> IsBlacklistedAsync(EventContext context, CancellationToken ct)
    {
        var workspaceId = context.Community.WorkspaceId;
        var memberId = context.Member.Id;
        return context.Local<BlacklistEntry>().Any(b => b.MemberId == memberId)
               || await context.Db.Blacklist.AsNoTracking().AnyAsync(b => b.WorkspaceId == workspaceId && b.MemberId == memberId, ct);
    }

    private static async Task AddToBlacklistAsync(EventContext context, string reason, CancellationToken ct)
    {
        var workspaceId = context.Community.WorkspaceId;
        var memberId = context.Member.Id;
        if (await IsBlacklistedAsync(context, ct)) return;
        context.Db.Blacklist.Add(new BlacklistEntry
        {
            WorkspaceId = workspaceId,
            MemberId = memberId,
            Reason = reason,
            Source = "auto",
            CreatedAt = context.Now,
        });
    }
}
