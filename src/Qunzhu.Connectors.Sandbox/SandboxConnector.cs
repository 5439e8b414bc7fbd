using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Sandbox;
using Qunzhu.Engine.Delivery;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.Sandbox;

/// <summary>The built-in platform: "delivering" writes what group members would see. Idempotent on the
/// outbox key, so a redelivery after a crash shows nothing twice. A removal is followed by the leave
/// event a real platform would send, stored in the same transaction as the removal.</summary>
public sealed class SandboxConnector : IPlatformConnector, IInDatabaseConnector
{
    private readonly IAppDbContextFactory _dbs;
    private readonly IInboxWriter _inbox;
    private readonly TimeProvider _time;

    public SandboxConnector(IAppDbContextFactory dbs, IInboxWriter inbox, TimeProvider time)
    {
        (_dbs, _inbox, _time) = (dbs, inbox, time);
    }

    public PlatformKind Platform => PlatformKind.Sandbox;

    public PlatformCapabilities Capabilities => PlatformCapabilities.Full;

    /// <summary>Outside a dispatcher round: the same write, as a round of one.</summary>
    public async Task<DeliveryResult> DeliverAsync(OutboundAction action, CancellationToken cancellationToken)
    {
        await using var db = _dbs.Create();
        IReadOnlyList<string?> errors;
        await using (var tx = await db.BeginWriteAsync(cancellationToken))
        {
            errors = await WriteAsync(db, [action], fresh: false, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        if (errors[0] is { } error) return DeliveryResult.Permanent(error);
        await AfterCommitAsync([action], cancellationToken);
        return DeliveryResult.Delivered;
    }

    /// <summary>The dispatcher's path: a round's lines are appended inside its transaction and commit with the
    /// delivered marks.</summary>
    public async Task<IReadOnlyList<string?>> WriteAsync(AppDbContext db, IReadOnlyList<OutboundAction> actions, bool fresh, CancellationToken ct)
    {
        // Written before (another node's round, or a direct delivery): shown once. Fresh actions have no line yet.
        var seen = fresh ? new HashSet<string>(StringComparer.Ordinal) : await WrittenAsync(db, actions, ct);
        var errors = new string?[actions.Count];
        List<SandboxLine> lines = [];
        List<InboxItem> followUps = [];
        var at = _time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < actions.Count; i++)
        {
            if (LineOf(actions[i]) is not { } line) errors[i] = NoGroup;
            else if (seen.Add(line.IdempotencyKey))
            {
                lines.Add(line);
                if (FollowUpOf(actions[i], at) is { } followUp) followUps.Add(followUp);
            }
        }
        await db.InsertAsync(lines, ct);
        // In this transaction, not after it: a crash (or a failed write) between the two would leave a removed member in
        // the group for good, because a delivered action is never delivered again.
        if (followUps.Count > 0) await _inbox.StoreWithinAsync(db, followUps, ct);
        return errors;
    }

    private static async Task<HashSet<string>> WrittenAsync(AppDbContext db, IReadOnlyList<OutboundAction> actions, CancellationToken ct)
    {
        var keys = actions.Select(a => a.IdempotencyKey).ToList();
        return (await db.SandboxLines.Where(l => keys.Contains(l.IdempotencyKey)).Select(l => l.IdempotencyKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The follow-ups were stored with the delivery; this only wakes their processing.</summary>
    public Task AfterCommitAsync(IReadOnlyList<OutboundAction> delivered, CancellationToken ct)
    {
        _inbox.Announce(delivered.Where(a => a.Kind is BotActionKind.RemoveMember or BotActionKind.ApproveJoinRequest).Select(a => a.ChatId));
        return Task.CompletedTask;
    }

    private const string NoGroup = "A sandbox action needs a group.";

    private static string Digest(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32];

    private SandboxLine? LineOf(OutboundAction action)
    {
        if (action.CommunityId is not { } communityId) return null;
        var line = new SandboxLine
        {
            WorkspaceId = action.WorkspaceId,
            CommunityId = communityId,
            At = _time.GetUtcNow().UtcDateTime,
            Kind = action.Kind switch
            {
                BotActionKind.SendMessage => "message",
                BotActionKind.DeleteMessage => "deleted",
                BotActionKind.MuteMember => "muted",
                BotActionKind.RemoveMember => "removed",
                BotActionKind.ApproveJoinRequest => "approved",
                BotActionKind.DeclineJoinRequest => "declined",
                // A direct message to one member; the sandbox shows it in the group's transcript, marked private.
                BotActionKind.SendPrivateMessage => "private",
                _ => throw new ArgumentOutOfRangeException(nameof(action), action.Kind, null),
            },
            Text = action.Text,
            TargetUserId = action.TargetUserId,
            TargetMessageId = action.TargetMessageId,
            IdempotencyKey = action.IdempotencyKey,
        };
        if (action.Kind == BotActionKind.MuteMember && action.DurationSeconds is { } seconds) line.Text = $"{seconds / 60}";
        return line;
    }

    /// <summary>What a real platform does next: a removed member leaves; an approved one joins (an inbox event whose
    /// id derives from the action's, so a redelivery adds nothing). The id is a digest of the action's key, not the
    /// key itself: a key holds the account, the group and the caller's event id, longer than the inbox's column.</summary>
    private static InboxItem? FollowUpOf(OutboundAction action, DateTime at)
    {
        if (action.Kind is not (BotActionKind.RemoveMember or BotActionKind.ApproveJoinRequest) || action.TargetUserId is null) return null;
        var (kind, prefix) = action.Kind == BotActionKind.RemoveMember ? ("leave", "removed:") : ("join", "approved:");
        var payload = new SandboxPayload(kind, action.TargetUserId, null, null, null, at);
        return new InboxItem(action.WorkspaceId, action.AccountId, PlatformKind.Sandbox,
            prefix + Digest(action.IdempotencyKey), action.ChatId, JsonSerializer.Serialize(payload, SandboxJson.Options));
    }
}
