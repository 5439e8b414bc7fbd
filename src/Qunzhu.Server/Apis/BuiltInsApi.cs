using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Qunzhu.Core.Content;
using Qunzhu.Engine;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Broadcasts;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// <summary>Built-in content to start from (早报, 晚报, the 08:00 daily task): one call makes the library item and its
/// recurring broadcast, as a draft or scheduled.</summary>
public static class BuiltInsApi
{
    public static RouteGroupBuilder MapBuiltInsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/content/builtins").WithTags("Content");
        group.MapGet("/", List).WithName("ListBuiltInContent").WithSummary("Built-in templates (早报, 晚报, 08:00 daily task) in the workspace's language");
        group.MapPost("/{key}/start", Start).WithName("StartFromBuiltIn")
            .WithSummary("Create the library item and a recurring broadcast for the chosen targets (draft by default, or scheduled)");
        return api;
    }

    public static async Task<Ok<List<BuiltInResponse>>> List(ClaimsPrincipal user, ConfigCache config, CancellationToken ct)
    {
        var locale = (await config.GetAsync(user.WorkspaceIdOf(), ct)).Workspace.Locale;
        return TypedResults.Ok(BuiltInContent.All(locale).Select(b => new BuiltInResponse(b.Key, b.Title, b.Text, b.Description, b.Cron)).ToList());
    }

    public static async Task<Results<Created<StartBuiltInResponse>, ValidationProblem, ProblemHttpResult>> Start(string key, StartBuiltInRequest request,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, EngineSignals signals, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var cfg = await config.GetAsync(workspaceId, ct);
        if (BuiltInContent.Find(key, cfg.Workspace.Locale) is not { } builtIn)
            return TypedResults.Problem(statusCode: 404, title: "Built-in not found", detail: $"There is no built-in '{key}'. Use one of: {string.Join(", ", BuiltInContent.Keys)}.");
        var title = string.IsNullOrWhiteSpace(request.Title) ? builtIn.Title : request.Title.Trim();
        var text = string.IsNullOrWhiteSpace(request.Text) ? builtIn.Text : request.Text;
        var now = time.GetUtcNow().UtcDateTime;
        var schedule = request.Schedule is { At: null, Cron: null } or null ? new BroadcastScheduleRequest(null, builtIn.Cron) : request.Schedule;
        var broadcastRequest = new CreateBroadcastRequest(title, new BroadcastContentRequest(text, null), request.Targets, schedule, request.QuietHours,
            request.Draft ?? true);
        var (draft, errors) = await BroadcastRequestValidator.ValidateAsync(broadcastRequest, workspaceId, cfg.Zone, now, db, ct);
        if (title.Length > 200) errors["title"] = ["A title has at most 200 characters."];
        if (draft is null || errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // Item and broadcast in one SaveChanges: both or neither.
        var item = new ContentItem { WorkspaceId = workspaceId, Kind = ContentKind.Text, Title = title, Text = text, CreatedAt = now, UpdatedAt = now };
        db.ContentItems.Add(item);
        var broadcast = BroadcastControl.Schedule(db, workspaceId, draft with { ContentId = item.Id, Text = null }, origin: $"builtin:{builtIn.Key}", now);
        await db.SaveChangesAsync(ct);
        signals.JobScheduled();
        var content = (await ContentApi.ToResponsesAsync(db, [item], ct))[0];
        var response = (await BroadcastReads.ToResponsesAsync(db, [broadcast], cfg.Workspace.TimeZoneId, ct))[0];
        return TypedResults.Created($"/api/v1/broadcasts/{broadcast.Id}", new StartBuiltInResponse(content, response));
    }
}
