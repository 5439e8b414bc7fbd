using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Pipeline;
using Qunzhu.Engine;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// What needs a person: staff tasks, deliveries (with dead letters to retry) and events that failed.
public static class OperationsApi
{
    public static RouteGroupBuilder MapOperationsApi(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/staff-tasks").WithTags("Staff tasks");
        tasks.MapGet("/", StaffTasks).WithName("ListStaffTasks").WithSummary("Actions a platform could not perform, for a person (status open|done)");
        tasks.MapPost("/{id:guid}/done", MarkDone).WithName("CompleteStaffTask").WithSummary("Mark a staff task done").AllowOperators();
        var deliveries = api.MapGroup("/deliveries").WithTags("Deliveries");
        deliveries.MapGet("/", Deliveries).WithName("ListDeliveries").WithSummary("Outbox rows with status and errors (status pending|delivered|deadLetter)");
        deliveries.MapPost("/{id:long}/retry", Retry).WithName("RetryDelivery").WithSummary("Send a dead-lettered action again");
        deliveries.MapGet("/inbox", Inbox).WithName("GetInboxReport").WithSummary("Events waiting, and events that could not be processed");
        deliveries.MapPost("/inbox/{sequence:long}/retry", RetryEvent).WithName("RetryInboxEvent")
            .WithSummary("Process a failed event again (after fixing its cause); it runs before its group's newer events that are still waiting");
        return api;
    }

    public static async Task<Results<Ok<PagedList<StaffTaskResponse>>, ValidationProblem>> StaffTasks(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        string status = "open", int page = 1, int pageSize = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!Enum.TryParse<StaffTaskStatus>(status, ignoreCase: true, out var wanted))
            return Problems.Invalid("status", $"Unknown status '{status}'. Use open or done.");
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var query = db.StaffTasks.AsNoTracking().Where(t => t.WorkspaceId == workspaceId && t.Status == wanted);
        if (user.IsOperator())
        {
            var visible = db.VisibleCommunityIds(user);
            query = query.Where(t => t.CommunityId != null && visible.Contains(t.CommunityId.Value));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(t => t.CreatedAt).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new StaffTaskResponse(t.Id, t.CommunityId, t.MemberId, t.Kind, t.Title, t.Detail, t.Status, t.CreatedAt, t.DoneAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<StaffTaskResponse>(items, total, page, pageSize));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkDone(Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var task = await db.StaffTasks.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, ct);
        var visible = db.VisibleCommunityIds(user);
        if (task is not null && user.IsOperator() && !(task.CommunityId is { } c && await visible.ContainsAsync(c, ct))) task = null;
        if (task is null) return Problems.NotFound("Staff task", id);
        if (task.Status != StaffTaskStatus.Done) (task.Status, task.DoneAt) = (StaffTaskStatus.Done, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<PagedList<DeliveryResponse>>, ValidationProblem>> Deliveries(ClaimsPrincipal user, AppDbContext db,
        CancellationToken ct, string? status = null, Guid? communityId = null, int page = 1, int pageSize = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        OutboxStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var parsed))
                return Problems.Invalid("status", $"Unknown status '{status}'. Use pending, delivered or deadLetter.");
            wanted = parsed;
        }
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var query = db.Outbox.AsNoTracking().Where(o => o.WorkspaceId == workspaceId);
        if (user.IsOperator())
        {
            // An Operator sees what went to their groups; direct messages and other groups' rows are not theirs.
            var visible = db.VisibleCommunityIds(user);
            query = query.Where(o => o.CommunityId != null && visible.Contains(o.CommunityId.Value));
        }
        if (wanted is { } s) query = query.Where(o => o.Status == s);
        if (communityId is { } c) query = query.Where(o => o.CommunityId == c);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(o => o.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new DeliveryResponse(o.Id, o.CommunityId, o.Kind, o.Text, o.TargetUserId, o.Status, o.Attempts, o.LastError,
                o.CreatedAt, o.NextAttemptAt, o.DeliveredAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<DeliveryResponse>(items, total, page, pageSize));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Retry(long id, ClaimsPrincipal user, AppDbContext db, EngineSignals signals,
        TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var action = await db.Outbox.FirstOrDefaultAsync(o => o.Id == id && o.WorkspaceId == workspaceId, ct);
        if (action is null) return TypedResults.Problem(statusCode: 404, title: "Delivery not found", detail: $"No delivery with id {id} exists in your workspace.");
        if (action.Status != OutboxStatus.DeadLetter)
            return Problems.Conflict("Not dead-lettered", $"Only dead-lettered deliveries can be retried; this one is {action.Status}.");
        (action.Status, action.Attempts, action.NextAttemptAt) = (OutboxStatus.Pending, 0, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        signals.OutboxWritten(action.AccountId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RetryEvent(long sequence, ClaimsPrincipal user, AppDbContext db,
        EngineSignals signals, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var stored = await db.Inbox.FirstOrDefaultAsync(e => e.Sequence == sequence && e.WorkspaceId == workspaceId, ct);
        if (stored is null)
            return TypedResults.Problem(statusCode: 404, title: "Event not found", detail: $"No inbox event {sequence} exists in your workspace.");
        if (stored.Status != InboxStatus.Failed)
            return Problems.Conflict("Not failed", $"Only failed events can be retried; this one is {stored.Status}.");
        (stored.Status, stored.Attempts, stored.ProcessedAt) = (InboxStatus.Pending, 0, null);
        await db.SaveChangesAsync(ct);
        signals.InboxWritten(stored.Partition);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<InboxReport>> Inbox(ClaimsPrincipal user, AppDbContext db, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var events = db.Inbox.AsNoTracking().Where(e => e.WorkspaceId == workspaceId);
        if (user.IsOperator())
        {
            // Events are keyed by account and chat before they are matched to a group: an Operator sees their groups' chats.
            var chats = db.VisibleCommunities(user);
            events = events.Where(e => chats.Any(c => c.AccountId == e.AccountId && c.ExternalId == e.ChatId));
        }
        var pending = await events.CountAsync(e => e.Status == InboxStatus.Pending, ct);
        var failed = events.Where(e => e.Status == InboxStatus.Failed);
        var total = await failed.CountAsync(ct);
        var items = await failed.OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new InboxEventResponse(e.Sequence, e.PlatformEventId, e.ChatId, e.Status, e.Attempts, e.Error, e.ReceivedAt, e.ProcessedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new InboxReport(pending, new PagedList<InboxEventResponse>(items, total, page, pageSize)));
    }
}
