using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Engine.Modules;
using Qunzhu.Storage;

namespace Qunzhu.Engine.Processing;

/// <summary>Processes one partition's pending events in inbox order, in one transaction per batch:
/// every state change, outbox row and staff task of the batch commits together with the events being
/// marked processed, so a crash replays the batch and a replay has exactly one effect.</summary>
public sealed partial class EventEngine(
    IAppDbContextFactory dbs,
    IEnumerable<IEventNormalizer> normalizers,
    ModulePipeline modules,
    ConfigCache config,
    ActionRouter router,
    PlatformCatalog platforms,
    EngineSignals signals,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<EventEngine> logger)
{
    private readonly Dictionary<Core.Platforms.PlatformKind, IEventNormalizer> _normalizers =
        normalizers.ToDictionary(n => n.Platform);

    /// <returns>How many events were settled (processed or failed for good); 0 when there was nothing to do
    /// or when an event must be retried before later ones may run.</returns>
    public async Task<int> ProcessNextBatchAsync(int partition, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var pending = await db.Inbox
            .Where(e => e.Status == InboxStatus.Pending && e.Partition == partition)
            .OrderBy(e => e.Sequence)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        if (pending.Count == 0) return 0;

        var failedAt = await TryProcessAsync(db, pending, ct);
        if (failedAt is null) return pending.Count;

        // Redo the events before the failure, then settle the failing one on its own.
        var (index, error) = failedAt.Value;
        var settled = 0;
        if (index > 0)
        {
            await using var redo = dbs.Create();
            var head = await redo.Inbox.Where(e => e.Sequence <= pending[index - 1].Sequence && e.Partition == partition
                                                   && e.Status == InboxStatus.Pending)
                .OrderBy(e => e.Sequence).ToListAsync(ct);
            if (await TryProcessAsync(redo, head, ct) is not null) return 0;
            settled = head.Count;
        }
        return settled + await RecordFailureAsync(pending[index].Sequence, error, ct);
    }

    private async Task<(int Index, Exception Error)?> TryProcessAsync(AppDbContext db, List<InboxEvent> batch, CancellationToken ct)
    {
        var normalized = batch.Select(e => (e, Normalize(e))).ToList();
        var session = new EngineSession(db, dbs);
        // Before the batch's transaction: it stores people seen for the first time with writes of their own.
        await session.PreloadAsync(normalized, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var index = 0;
        var scheduled = false;
        try
        {
            for (; index < normalized.Count; index++)
            {
                var (stored, chatEvent) = normalized[index];
                scheduled |= await ProcessAsync(db, session, stored, chatEvent, ct);
                stored.Status = InboxStatus.Processed;
                stored.ProcessedAt = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await tx.RollbackAsync(CancellationToken.None);
            if (ex is DbUpdateConcurrencyException)
            {
                // Another node processed these (its lease was ours once): nothing to do here.
                LogLostRace(logger, batch[0].Partition);
                return (Math.Min(index, batch.Count - 1), ex);
            }
            LogEventFailed(logger, ex, batch[Math.Min(index, batch.Count - 1)].Sequence);
            return (Math.Min(index, batch.Count - 1), ex);
        }
        signals.OutboxWritten();
        if (scheduled) signals.JobScheduled();
        return null;
    }

    private ChatEvent? Normalize(InboxEvent stored) =>
        _normalizers.TryGetValue(stored.Platform, out var n) ? n.Normalize(stored) : null;

    /// <returns>Whether a job was scheduled.</returns>
    private async Task<bool> ProcessAsync(AppDbContext db, EngineSession session, InboxEvent stored, ChatEvent? chatEvent, CancellationToken ct)
    {
        var user = EngineSession.UserOf(chatEvent);
        if (chatEvent is null || user is null) return false;
        var community = session.Community(stored.AccountId, stored.ChatId);
        if (community is null)
        {
            stored.Error = $"No community is registered for chat '{stored.ChatId}' on this account; the event was skipped.";
            return false;
        }

        var cfg = await config.GetAsync(community.WorkspaceId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (member, membership, isNew) = session.Resolve(community, user, chatEvent.At);
        switch (chatEvent)
        {
            case MemberJoined joined:
                if (!isNew && membership.LeftAt is not null)
                {
                    membership.JoinCount++;
                    membership.JoinedAt = joined.At;
                }
                membership.LeftAt = null;
                membership.InviteCode = joined.InviteCode ?? membership.InviteCode;
                break;
            case MemberLeft left:
                membership.LeftAt = left.At;
                break;
            case MessagePosted posted:
                db.Messages.Add(new MessageRecord
                {
                    WorkspaceId = community.WorkspaceId,
                    CommunityId = community.Id,
                    MemberId = member.Id,
                    ExternalMessageId = posted.MessageId,
                    Text = posted.Text,
                    At = posted.At,
                });
                break;
        }

        var templateId = community.TemplateId ?? cfg.DefaultTemplate?.Id;
        var context = new EventContext
        {
            Db = db,
            Inbox = stored,
            Event = chatEvent,
            User = user,
            Config = cfg,
            Community = community,
            Member = member,
            Membership = membership,
            Settings = cfg.SettingsFor(community.TemplateId, community.Overrides),
            Capabilities = community.Capabilities ?? platforms.Capabilities(community.Platform),
            TemplateId = templateId,
            Now = now,
        };
        var scheduled = await modules.RunAsync(context, ct);
        var n = 0;
        foreach (var action in context.Actions)
        {
            router.Route(db, community, context.Capabilities, action, $"{stored.AccountId:N}:{stored.PlatformEventId}:{n++}",
                context.Locale, now, member.Id);
        }
        return scheduled;
    }

    private async Task<int> RecordFailureAsync(long sequence, Exception error, CancellationToken ct)
    {
        await using var db = dbs.Create();
        var stored = await db.Inbox.SingleAsync(e => e.Sequence == sequence, ct);
        if (stored.Status != InboxStatus.Pending) return 0;
        stored.Attempts++;
        stored.Error = error.GetType().Name + ": " + error.Message;
        if (error is DbUpdateConcurrencyException) return 0;
        if (stored.Attempts < options.Value.MaxEventAttempts)
        {
            await db.SaveChangesAsync(ct);
            return 0;
        }
        stored.Status = InboxStatus.Failed;
        stored.ProcessedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return 1;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox event {Sequence} failed")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition {Partition} was processed by another node")]
    private static partial void LogLostRace(ILogger logger, int partition);
}
