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
    Sops.SopEnroller sops,
    IdentityCache identities,
    EngineSignals signals,
    Delivery.InDatabaseDelivery inDatabase,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<EventEngine> logger)
{
    // A later registration replaces an earlier one, so a host or a test can stand in for a platform.
    private readonly Dictionary<Core.Platforms.PlatformKind, IEventNormalizer> _normalizers =
        normalizers.GroupBy(n => n.Platform).ToDictionary(g => g.Key, g => g.Last());

    /// <returns>How many events were settled (processed or failed for good); 0 when there was nothing to do
    /// or when an event must be retried before later ones may run.</returns>
    public Task<int> ProcessNextBatchAsync(int partition, CancellationToken ct) => ProcessNextBatchAsync([partition], ct);

    /// <summary>One batch across several partitions: their oldest pending events, in arrival order, processed
    /// together in one transaction.</summary>
    /// <returns>How many events were settled (processed or failed for good); 0 when there was nothing to do
    /// or when an event must be retried before later ones of its partition may run.</returns>
    public async Task<int> ProcessNextBatchAsync(IReadOnlyList<int> partitions, CancellationToken ct)
    {
        await using var db = dbs.Create();
        // One range of the pending-rows index (Sequence, Partition): no sort over the backlog, and the partitions
        // of other loops are skipped in the index.
        var pending = await db.Inbox
            .Where(e => e.Status == InboxStatus.Pending && partitions.Contains(e.Partition))
            .OrderBy(e => e.Sequence)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        if (pending.Count == 0) return 0;

        var error = await TryProcessAsync(db, pending, ct);
        if (error is null) return pending.Count;
        if (error is DbUpdateConcurrencyException) return 0;

        // The batch failed: settle its events one at a time, in order, so the cause is pinned to one event
        // and the events before it are not held back. An event that must be retried holds back the rest of
        // its partition (order within a chat), not the other partitions.
        var settled = 0;
        var held = new HashSet<int>();
        foreach (var (sequence, partition) in pending.Select(e => (e.Sequence, e.Partition)))
        {
            if (held.Contains(partition)) continue;
            await using var single = dbs.Create();
            var one = await single.Inbox.Where(e => e.Sequence == sequence && e.Status == InboxStatus.Pending).ToListAsync(ct);
            if (one.Count == 0) continue;
            var failure = await TryProcessAsync(single, one, ct);
            if (failure is null)
            {
                settled++;
                continue;
            }
            var done = await RecordFailureAsync(sequence, failure, ct);
            if (done == 0) held.Add(partition);
            settled += done;
        }
        return settled;
    }

    /// <summary>Runs the modules for every event of the batch without writing (reads see the database plus
    /// what the batch added so far), then writes everything in one transaction (one SaveChanges, and one
    /// statement marking the events processed): the database's write lock is held for the write alone, not for
    /// the whole batch.</summary>
    /// <returns>Null on success; else what went wrong (nothing was written).</returns>
    private async Task<Exception?> TryProcessAsync(AppDbContext db, List<InboxEvent> batch, CancellationToken ct)
    {
        List<(InboxEvent Stored, ChatEvent? Event)> normalized = [];
        List<int> parts = [];
        var session = new EngineSession(db, dbs, identities);
        using var local = new LocalEntities(db);
        var scheduled = false;
        var delivered = Delivery.InDatabaseDelivery.Delivered.None;
        List<OutboundAction> pendingActions = [];
        // Modules look at what earlier events of the batch added (EventContext.Local, or DbSet.Local), and every
        // look would otherwise compare every tracked entity with its snapshot: quadratic in the batch. Changes
        // are detected once, before the write.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        InboxEvent? current = null;
        try
        {
            // Inside the try: an unreadable payload fails its batch (and then itself, event by event)
            // instead of throwing out of the partition loop and freezing the partition.
            foreach (var stored in batch)
            {
                current = stored;
                var events = Normalize(stored);
                if (events.Count == 0)
                {
                    normalized.Add((stored, null));
                    parts.Add(0);
                }
                for (var part = 0; part < events.Count; part++)
                {
                    normalized.Add((stored, events[part]));
                    parts.Add(part);
                }
            }
            // People seen for the first time: written with the batch on SQLite, by writes of their own before it on
            // PostgreSQL (see EngineSession).
            await session.PreloadAsync(normalized, ct);
            var engineBatch = await PrepareAsync(db, session, local, normalized, ct);
            for (var i = 0; i < normalized.Count; i++)
            {
                var (stored, chatEvent) = normalized[i];
                current = stored;
                scheduled |= await ProcessAsync(db, session, engineBatch, stored, chatEvent, parts[i], ct);
            }
            current = null;
            local.Dispose();
            // The bulk of the write is new rows nothing in the batch reads back by key: message records, outbox
            // actions, check-ins and their points. They are appended with one prepared statement per type, not
            // saved row by row (SaveChanges cost about three times as much a row, all of it under the write lock).
            // New people and memberships too. People go in first, as the rows SaveChanges and the appends write refer to
            // them; memberships after SaveChanges (it may add the group they refer to), and nothing refers to a membership.
            var added = DetachAdded(db, AppendedTypes);
            // After the appended rows left: an added row is written with its current values whatever changed on it, and
            // none of them has a navigation to fix up, so comparing each with its snapshot (a tenth of the engine's time in
            // perf) is only needed for what SaveChanges writes.
            db.ChangeTracker.DetectChanges();
            var members = added.Of<Member>();
            var newIdentities = added.Of<MemberIdentity>();
            var memberships = added.Of<Membership>();
            var messages = added.Of<MessageRecord>();
            var actions = added.Of<OutboundAction>();
            var checkIns = added.Of<Core.CheckIns.CheckIn>();
            var points = added.Of<Core.Points.PointsEntry>();
            await using var tx = await db.BeginWriteAsync(ct);
            await db.InsertAsync(members, ct);
            await db.InsertAsync(newIdentities, ct);
            await db.SaveChangesAsync(ct);
            await db.InsertAsync(memberships, ct);
            await db.InsertAsync(messages, ct);
            // Replies on an in-database platform (the sandbox) are delivered in this transaction; the rest stay pending.
            delivered = await inDatabase.DeliverAsync(db, actions, ct);
            await db.InsertAsync(actions, ct);
            await db.InsertAsync(checkIns, ct);
            await db.InsertAsync(points, ct);
            await MarkProcessedAsync(db, batch, ct);
            await tx.CommitAsync(ct);
            // Only now: an identity of a batch that rolled back must be created again when its event is redone.
            identities.AddCommitted(newIdentities);
            pendingActions = actions.FindAll(a => a.Status == OutboxStatus.Pending);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Another node processed these (its lease was ours once), or a job changed meanwhile: read again.
            LogLostRace(logger, batch[0].Partition);
            return ex;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogEventFailed(logger, ex, (current ?? batch[0]).Sequence);
            return ex;
        }
        await inDatabase.AfterCommitAsync(delivered, ct);
        foreach (var account in pendingActions.Select(a => a.AccountId).Distinct()) signals.OutboxWritten(account);
        if (scheduled) signals.JobScheduled();
        return null;
    }

    /// <summary>One statement for the whole batch instead of an update per event. Only rows still pending
    /// are marked: if another node (whose lease this once was) settled one meanwhile, the counts differ and the
    /// whole batch rolls back, as the per-row concurrency check on <c>Status</c> would have done.</summary>
    private async Task MarkProcessedAsync(AppDbContext db, List<InboxEvent> batch, CancellationToken ct)
    {
        var processedAt = time.GetUtcNow().UtcDateTime;
        var sequences = batch.Select(e => e.Sequence).ToList();
        var marked = await db.Inbox.Where(e => sequences.Contains(e.Sequence) && e.Status == InboxStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, InboxStatus.Processed).SetProperty(e => e.ProcessedAt, processedAt), ct);
        if (marked != batch.Count)
            throw new DbUpdateConcurrencyException($"{batch.Count - marked} of {batch.Count} events were settled by another node meanwhile.");
        foreach (var stored in batch)
        {
            stored.Status = InboxStatus.Processed;
            stored.ProcessedAt = processedAt;
        }
    }

    /// <summary>Shows the modules the batch's events of known members before the first one runs.</summary>
    private async Task<EngineBatch> PrepareAsync(AppDbContext db, EngineSession session, LocalEntities local,
        List<(InboxEvent Stored, ChatEvent? Event)> normalized, CancellationToken ct)
    {
        List<EngineBatch.Item> items = [];
        foreach (var (stored, chatEvent) in normalized)
        {
            if (chatEvent is null || EngineSession.UserOf(chatEvent) is not { } user) continue;
            if (session.Community(stored.AccountId, stored.ChatId) is not { } community) continue;
            if (session.MemberIdOf(stored.AccountId, user.Id) is not { } memberId) continue;
            var cfg = await config.GetAsync(community.WorkspaceId, ct);
            items.Add(new EngineBatch.Item(community, memberId, chatEvent, cfg.SettingsFor(community.TemplateId, community.Overrides),
                Core.CheckIns.CheckInCalculator.LocalDay(chatEvent.At, cfg.Zone), session.IsNew(memberId)));
        }
        var batch = new EngineBatch(db, items, local);
        await modules.PrepareAsync(batch, ct);
        return batch;
    }

    private static readonly HashSet<Type> AppendedTypes =
    [
        typeof(Member), typeof(MemberIdentity), typeof(Membership), typeof(MessageRecord), typeof(OutboundAction),
        typeof(Core.CheckIns.CheckIn), typeof(Core.Points.PointsEntry),
    ];

    /// <summary>Takes the added rows of the appended types out of the change tracker, in the order they were added:
    /// one walk over the tracked entities for all the types.</summary>
    private static AddedRows DetachAdded(AppDbContext db, HashSet<Type> types)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && types.Contains(e.Metadata.ClrType)).ToList();
        foreach (var entry in added) entry.State = EntityState.Detached;
        return new AddedRows(added.GroupBy(e => e.Metadata.ClrType).ToDictionary(g => g.Key, g => g.Select(e => e.Entity).ToList()));
    }

    private sealed class AddedRows(Dictionary<Type, List<object>> byType)
    {
        public List<T> Of<T>() where T : class => byType.TryGetValue(typeof(T), out var rows) ? rows.ConvertAll(r => (T)r) : [];
    }

    private IReadOnlyList<ChatEvent> Normalize(InboxEvent stored) =>
        _normalizers.TryGetValue(stored.Platform, out var n) ? n.Normalize(stored) : [];

    /// <returns>Whether a job was scheduled.</returns>
    /// <param name="part">Which of the stored payload's events this is (0 for the first): part of the
    /// idempotency key of the event's actions.</param>
    private async Task<bool> ProcessAsync(AppDbContext db, EngineSession session, EngineBatch batch, InboxEvent stored, ChatEvent? chatEvent, int part, CancellationToken ct)
    {
        if (chatEvent is ChatDiscovered discovered)
        {
            // A new group: group SOPs that apply to every new group start with it (same transaction).
            return session.Discover(stored, discovered) is { } created
                && await sops.OnCommunityCreatedAsync(db, created, time.GetUtcNow().UtcDateTime, ct);
        }
        if (chatEvent is PollAnswered answered)
        {
            // A poll answer names no chat (only the poll): it is kept for the poll, not run through the modules.
            await Polls.PollAnswers.RecordAsync(db, stored, answered, ct);
            return false;
        }
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
        var keyPrefix = part == 0 ? $"{stored.AccountId:N}:{stored.PlatformEventId}" : $"{stored.AccountId:N}:{stored.PlatformEventId}#{part}";
        if (chatEvent is JoinRequested request)
        {
            var requester = session.ResolveMember(community, user, request.At);
            var action = await JoinRequestPolicy.DecideAsync(db, community, requester, request, cfg.Workspace.Locale, ct);
            router.Route(db, community, await platforms.CapabilitiesAsync(community, ct), action,
                $"{keyPrefix}:0", cfg.Workspace.Locale, now, requester.Id);
            return false;
        }
        var (member, membership, isNew) = session.Resolve(community, user, chatEvent.At);
        switch (chatEvent)
        {
            case MemberJoined joined:
                if (!isNew && membership.LeftAt is null)
                {
                    // Already in the group: the same join reported a second time (Telegram sends chat_member and
                    // a new_chat_members message for one join). Keep the attribution, greet nobody again.
                    membership.InviteCode ??= joined.InviteCode;
                    return false;
                }
                if (!isNew)
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
            Batch = batch,
            Inbox = stored,
            Event = chatEvent,
            User = user,
            Config = cfg,
            Community = community,
            Member = member,
            Membership = membership,
            Settings = cfg.SettingsFor(community.TemplateId, community.Overrides),
            Capabilities = await platforms.CapabilitiesAsync(community, ct),
            TemplateId = templateId,
            Now = now,
        };
        var scheduled = await modules.RunAsync(context, ct);
        var n = 0;
        foreach (var action in context.Actions)
        {
            router.Route(db, community, context.Capabilities, action, $"{keyPrefix}:{n++}",
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
