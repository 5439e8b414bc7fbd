using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Topics;
using Qunzhu.Engine;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Topics;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Broadcasts;
using Qunzhu.Server.Sops;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// The topic library (话题库): discussion prompts, posted by SOP steps or scheduled as broadcasts, with a record of which group had which.
public static class TopicsApi
{
    public static RouteGroupBuilder MapTopicsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/topics").WithTags("Topics");
        group.MapGet("/", List).WithName("ListTopics").WithSummary("Topics (filter by kind: professional, personal, hot, universal) with how often each was used");
        group.MapPost("/", Create).WithName("CreateTopic").WithSummary("Add a topic: kind, title, prompt text, optional library item");
        group.MapGet("/history", History).WithName("ListTopicHistory").WithSummary("Which groups got which topic when (filter by topicId or communityId)");
        group.MapGet("/{id:guid}", Get).WithName("GetTopic").WithSummary("One topic");
        group.MapPut("/{id:guid}", Update).WithName("UpdateTopic").WithSummary("Replace a topic");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteTopic").WithSummary("Delete a topic (its history stays)");
        group.MapPost("/{id:guid}/schedule", Schedule).WithName("ScheduleTopic")
            .WithSummary("Post the topic to groups (by id, type or tag) now or at a time, as a broadcast");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<TopicResponse>>, ValidationProblem>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct, string? kind = null)
    {
        var workspaceId = user.WorkspaceIdOf();
        var query = db.Topics.AsNoTracking().Where(t => t.WorkspaceId == workspaceId);
        if (kind is not null)
        {
            if (!Enums.TryParse<TopicKind>(kind, out var k)) return Problems.Invalid("kind", $"Unknown kind '{kind}'. Use professional, personal, hot or universal.");
            query = query.Where(t => t.Kind == k);
        }
        return TypedResults.Ok<IReadOnlyList<TopicResponse>>(await ToResponsesAsync(db, workspaceId, await query.OrderBy(t => t.CreatedAt).ToListAsync(ct), ct));
    }

    public static async Task<Results<Ok<TopicResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var topic = await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, ct);
        return topic is null ? Problems.NotFound("Topic", id) : TypedResults.Ok((await ToResponsesAsync(db, workspaceId, [topic], ct))[0]);
    }

    public static async Task<Results<Created<TopicResponse>, ValidationProblem>> Create(TopicRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider time,
        CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var now = time.GetUtcNow().UtcDateTime;
        var topic = new Topic { WorkspaceId = workspaceId, Title = "", Text = "", CreatedAt = now, UpdatedAt = now };
        var errors = await ApplyAsync(request, topic, workspaceId, db, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        db.Topics.Add(topic);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/topics/{topic.Id}", (await ToResponsesAsync(db, workspaceId, [topic], ct))[0]);
    }

    public static async Task<Results<Ok<TopicResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, TopicRequest request, ClaimsPrincipal user,
        AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, ct);
        if (topic is null) return Problems.NotFound("Topic", id);
        var errors = await ApplyAsync(request, topic, workspaceId, db, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        topic.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ToResponsesAsync(db, workspaceId, [topic], ct))[0]);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var deleted = await db.Topics.Where(t => t.Id == id && t.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("Topic", id) : TypedResults.NoContent();
    }

    public static async Task<Results<Created<ScheduleTopicResponse>, ValidationProblem, ProblemHttpResult>> Schedule(Guid id, ScheduleTopicRequest request,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, EngineSignals signals, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var topic = await db.Topics.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, ct);
        if (topic is null) return Problems.NotFound("Topic", id);
        var cfg = await config.GetAsync(workspaceId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        // A broadcast carries text or a library item: a topic with an item sends the item (its own caption).
        var content = topic.ContentId is { } cid ? new BroadcastContentRequest(null, cid) : new BroadcastContentRequest(topic.Text, null);
        var broadcast = new CreateBroadcastRequest($"话题：{topic.Title}", content, request.Targets,
            request.At is null ? null : new BroadcastScheduleRequest(request.At, null), request.QuietHours);
        var (draft, errors) = await BroadcastRequestValidator.ValidateAsync(broadcast, workspaceId, cfg.Zone, now, db, ct);
        if (draft is null) return TypedResults.ValidationProblem(errors);
        var scheduled = BroadcastControl.Schedule(db, workspaceId, draft, TopicHistory.Origin(topic.Id), now);
        await db.SaveChangesAsync(ct);
        signals.JobScheduled();
        return TypedResults.Created($"/api/v1/broadcasts/{scheduled.Id}", new ScheduleTopicResponse(scheduled.Id, draft.FirstSendAt));
    }

    public static async Task<Ok<IReadOnlyList<TopicUseResponse>>> History(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        Guid? topicId = null, Guid? communityId = null, int limit = 200)
    {
        var workspaceId = user.WorkspaceIdOf();
        var entries = await TopicHistory.ReadAsync(db, workspaceId, topicId, communityId, null, Math.Clamp(limit, 1, 1000), ct);
        var visible = await db.VisibleCommunities(user).Where(c => entries.Select(e => e.CommunityId).Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var topicIds = entries.Select(e => e.TopicId).Distinct().ToList();
        var topics = await db.Topics.Where(t => t.WorkspaceId == workspaceId && topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return TypedResults.Ok<IReadOnlyList<TopicUseResponse>>([.. entries.Where(e => visible.ContainsKey(e.CommunityId) && topics.ContainsKey(e.TopicId))
            .Select(e => new TopicUseResponse(e.TopicId, topics[e.TopicId].Title, topics[e.TopicId].Kind, e.CommunityId, visible[e.CommunityId], e.At, e.Source))]);
    }

    private static async Task<Dictionary<string, string[]>> ApplyAsync(TopicRequest r, Topic topic, Guid workspaceId, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enums.TryParse<TopicKind>(r.Kind, out var kind)) errors["kind"] = ["Choose professional (专业), personal (个人), hot (热点) or universal (通用)."];
        var title = r.Title?.Trim();
        if (title is not { Length: >= 1 and <= 200 }) errors["title"] = ["Give the topic a title of 1–200 characters."];
        var text = r.Text?.Trim();
        if (text is not { Length: >= 1 and <= 4000 }) errors["text"] = ["Write the prompt posted to the group (1–4000 characters)."];
        if (r.ContentId is { } cid && !await db.ContentItems.AnyAsync(c => c.Id == cid && c.WorkspaceId == workspaceId, ct))
            errors["contentId"] = [$"No content item with id '{cid}' exists in your workspace."];
        if (errors.Count > 0) return errors;
        (topic.Kind, topic.Title, topic.Text, topic.ContentId) = (kind, title!, text!, r.ContentId);
        return errors;
    }

    private static async Task<List<TopicResponse>> ToResponsesAsync(AppDbContext db, Guid workspaceId, List<Topic> topics, CancellationToken ct)
    {
        var history = await TopicHistory.ReadAsync(db, workspaceId, topics.Count == 1 ? topics[0].Id : null, null, null, 10_000, ct);
        return [.. topics.Select(t =>
        {
            var uses = history.Where(h => h.TopicId == t.Id).ToList();
            return new TopicResponse(t.Id, t.Kind, t.Title, t.Text, t.ContentId, uses.Count, uses.Count == 0 ? null : uses.Max(u => u.At), t.CreatedAt, t.UpdatedAt);
        })];
    }
}
