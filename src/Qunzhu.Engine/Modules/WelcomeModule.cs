using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Processing;
using Qunzhu.Engine.Scheduling;

namespace Qunzhu.Engine.Modules;

/// <summary>Greets joiners by name with the welcome text and up to three core rules. Joins within the
/// batch window share one greeting: a durable job collects them and fires when the window closes.</summary>
public sealed class WelcomeModule : IEngineModule
{
    public const string JobKind = "welcome";

    public string Name => "welcome";

    public async ValueTask HandleAsync(EventContext context, CancellationToken cancellationToken)
    {
        if (context.Event is not MemberJoined || !context.Settings.Welcome.Enabled) return;
        var joiner = new WelcomeJoiner(context.User.Id, context.MemberName);
        var window = context.Settings.Welcome.BatchWindowSeconds;
        if (window == 0)
        {
            context.Reply(WelcomeText.Build(context.Settings.Welcome, [joiner.Name], context.Community.Name, context.Locale));
            return;
        }

        var db = context.Db;
        var communityId = context.Community.Id;
        // Tracked first: an earlier join of this batch may have opened the batch already.
        var open = context.Local<ScheduledJob>()
                       .FirstOrDefault(j => j.CommunityId == communityId && j.Kind == JobKind && j.Status == ScheduledJobStatus.Pending && j.DueAt > context.Now)
                   ?? await db.ScheduledJobs
                       .Where(j => j.CommunityId == communityId && j.Kind == JobKind && j.Status == ScheduledJobStatus.Pending && j.DueAt > context.Now)
                       .OrderBy(j => j.DueAt)
                       .FirstOrDefaultAsync(cancellationToken);
        if (open is null)
        {
            db.ScheduledJobs.Add(new ScheduledJob
            {
                WorkspaceId = context.Community.WorkspaceId,
                CommunityId = communityId,
                Key = $"{JobKind}:{context.Inbox.AccountId:N}:{context.Inbox.PlatformEventId}",
                Kind = JobKind,
                DueAt = context.Now.AddSeconds(window),
                Payload = JsonSerializer.Serialize(new List<WelcomeJoiner> { joiner }),
                CreatedAt = context.Now,
            });
            context.ScheduledJob = true;
            return;
        }

        var joiners = JsonSerializer.Deserialize<List<WelcomeJoiner>>(open.Payload ?? "[]") ?? [];
        if (joiners.Any(j => j.UserId == joiner.UserId)) return;
        joiners.Add(joiner);
        open.Payload = JsonSerializer.Serialize(joiners);
        if (db.Entry(open).State != EntityState.Added) open.Version++;
    }
}
