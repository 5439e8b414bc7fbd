using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Sandbox;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Storage;

namespace Qunzhu.Connectors.Sandbox;

/// <summary>The built-in platform: "delivering" writes what group members would see. Idempotent on the
/// outbox key, so a redelivery after a crash shows nothing twice. A removal is followed by the leave
/// event a real platform would send.</summary>
public sealed class SandboxConnector : BackgroundService, IPlatformConnector
{
    private readonly IAppDbContextFactory _dbs;
    private readonly IInboxWriter _inbox;
    private readonly TimeProvider _time;
    private readonly GroupCommit<SandboxLine, bool> _lines;

    public SandboxConnector(IAppDbContextFactory dbs, IInboxWriter inbox, TimeProvider time)
    {
        (_dbs, _inbox, _time) = (dbs, inbox, time);
        _lines = new GroupCommit<SandboxLine, bool>(WriteAsync);
    }

    public PlatformKind Platform => PlatformKind.Sandbox;

    public PlatformCapabilities Capabilities => PlatformCapabilities.Full;

    public async Task<DeliveryResult> DeliverAsync(OutboundAction action, CancellationToken cancellationToken)
    {
        if (action.CommunityId is not { } communityId) return DeliveryResult.Permanent("A sandbox action needs a group.");
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
        await _lines.WriteAsync(line, cancellationToken);

        // What a real platform does next: a removed member leaves; an approved one joins.
        if (action.Kind is BotActionKind.RemoveMember or BotActionKind.ApproveJoinRequest && action.TargetUserId is not null)
        {
            var (kind, prefix) = action.Kind == BotActionKind.RemoveMember ? ("leave", "removed:") : ("join", "approved:");
            var payload = new SandboxPayload(kind, action.TargetUserId!, null, null, null, line.At);
            await _inbox.AcceptAsync(new InboxItem(action.WorkspaceId, action.AccountId, PlatformKind.Sandbox,
                prefix + action.IdempotencyKey, action.ChatId, JsonSerializer.Serialize(payload, SandboxJson.Options)), cancellationToken);
        }
        return DeliveryResult.Delivered;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _lines.RunAsync(stoppingToken);

    private async Task<bool[]> WriteAsync(IReadOnlyList<SandboxLine> batch, CancellationToken ct)
    {
        await using var db = _dbs.Create();
        var keys = batch.Select(l => l.IdempotencyKey).ToList();
        var seen = (await db.SandboxLines.Where(l => keys.Contains(l.IdempotencyKey)).Select(l => l.IdempotencyKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var results = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (!seen.Add(batch[i].IdempotencyKey)) continue;
            db.SandboxLines.Add(batch[i]);
            results[i] = true;
        }
        await db.SaveChangesAsync(ct);
        return results;
    }
}
