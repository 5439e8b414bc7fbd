using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Sops;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Sops;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Sops;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// SOP templates: steps at offsets from an anchor, for groups (new-group nurturing) or members (from a trigger).
public static class SopsApi
{
    public static RouteGroupBuilder MapSopsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sops").WithTags("SOPs");
        group.MapGet("/", List).WithName("ListSops").WithSummary("SOP templates with how many targets each runs for");
        group.MapPost("/", Create).WithName("CreateSop")
            .WithSummary("Create an SOP: kind (group|member), steps (anchor, offset, action), member trigger and scope, exit conditions, quiet hours");
        group.MapGet("/built-in", BuiltIns).WithName("ListBuiltInSops").WithSummary("Built-in SOP templates to start from (the 7-day new-group SOP)");
        group.MapPost("/built-in/{key}", AddBuiltIn).WithName("AddBuiltInSop").WithSummary("Copy a built-in SOP into the workspace, as an editable SOP");
        group.MapGet("/{id:guid}", Get).WithName("GetSop").WithSummary("One SOP");
        group.MapPut("/{id:guid}", Update).WithName("UpdateSop")
            .WithSummary("Replace an SOP; steps keep their ids. Steps already scheduled keep their due times; removed steps are skipped");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteSop").WithSummary("Delete an SOP: every target it runs for stops, scheduled steps are skipped");
        group.MapSopRunsApi();
        return api;
    }

    public static async Task<Ok<IReadOnlyList<SopResponse>>> List(ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var sops = await db.Sops.AsNoTracking().Where(s => s.WorkspaceId == workspaceId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var cfg = await config.GetAsync(workspaceId, ct);
        return TypedResults.Ok<IReadOnlyList<SopResponse>>(await SopReads.ToResponsesAsync(db, sops, cfg.Workspace.TimeZoneId, ct));
    }

    public static async Task<Results<Ok<SopResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var sop = await db.Sops.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.WorkspaceId == workspaceId, ct);
        if (sop is null) return Problems.NotFound("SOP", id);
        var cfg = await config.GetAsync(workspaceId, ct);
        return TypedResults.Ok((await SopReads.ToResponsesAsync(db, [sop], cfg.Workspace.TimeZoneId, ct))[0]);
    }

    public static async Task<Results<Created<SopResponse>, ValidationProblem>> Create(SopRequest request, ClaimsPrincipal user, AppDbContext db,
        ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var now = time.GetUtcNow().UtcDateTime;
        var sop = new Sop { WorkspaceId = workspaceId, Name = "", CreatedAt = now, UpdatedAt = now };
        var errors = await SopRequestValidator.ApplyAsync(request, sop, isNew: true, workspaceId, db, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        db.Sops.Add(sop);
        await db.SaveChangesAsync(ct);
        var cfg = await config.GetAsync(workspaceId, ct);
        return TypedResults.Created($"/api/v1/sops/{sop.Id}", (await SopReads.ToResponsesAsync(db, [sop], cfg.Workspace.TimeZoneId, ct))[0]);
    }

    public static async Task<Results<Ok<SopResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, SopRequest request, ClaimsPrincipal user,
        AppDbContext db, ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var sop = await db.Sops.FirstOrDefaultAsync(s => s.Id == id && s.WorkspaceId == workspaceId, ct);
        if (sop is null) return Problems.NotFound("SOP", id);
        var errors = await SopRequestValidator.ApplyAsync(request, sop, isNew: false, workspaceId, db, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        sop.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var cfg = await config.GetAsync(workspaceId, ct);
        return TypedResults.Ok((await SopReads.ToResponsesAsync(db, [sop], cfg.Workspace.TimeZoneId, ct))[0]);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config,
        TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var sop = await db.Sops.FirstOrDefaultAsync(s => s.Id == id && s.WorkspaceId == workspaceId, ct);
        if (sop is null) return Problems.NotFound("SOP", id);
        var now = time.GetUtcNow().UtcDateTime;
        var reason = Core.Text.BotText.Get("Sop_Skipped_Disabled", (await config.GetAsync(workspaceId, ct)).Workspace.Locale);
        foreach (var enrollment in await db.SopEnrollments.Where(e => e.SopId == id && e.Status == SopEnrollmentStatus.Active).ToListAsync(ct))
        {
            (enrollment.Status, enrollment.ExitReason, enrollment.EndedAt) = (SopEnrollmentStatus.Cancelled, reason, now);
            await SopEnroller.SkipScheduledAsync(db, enrollment.Id, reason, now, ct);
        }
        db.Sops.Remove(sop);
        // One SaveChanges: the SOP goes together with its targets being stopped.
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<BuiltInSopResponse>>> BuiltIns(ClaimsPrincipal user, ConfigCache config, CancellationToken ct)
    {
        var locale = (await config.GetAsync(user.WorkspaceIdOf(), ct)).Workspace.Locale;
        return TypedResults.Ok<IReadOnlyList<BuiltInSopResponse>>([.. BuiltInSops.Keys.Select(k => BuiltInSops.Preview(k, locale))
            .Select(s => new BuiltInSopResponse(s.BuiltIn!, s.Name, s.Description ?? "", s.Kind, s.Steps))]);
    }

    public static async Task<Results<Created<SopResponse>, ProblemHttpResult>> AddBuiltIn(string key, ClaimsPrincipal user, AppDbContext db,
        ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var cfg = await config.GetAsync(workspaceId, ct);
        var sop = BuiltInSops.Create(key, workspaceId, cfg.Workspace.Locale, time.GetUtcNow().UtcDateTime);
        if (sop is null)
            return TypedResults.Problem(statusCode: 404, title: "Built-in SOP not found", detail: $"There is no built-in SOP '{key}'. Use one of: {string.Join(", ", BuiltInSops.Keys)}.");
        db.Sops.Add(sop);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/sops/{sop.Id}", (await SopReads.ToResponsesAsync(db, [sop], cfg.Workspace.TimeZoneId, ct))[0]);
    }
}
