using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Templates;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Group templates: named bundles of module settings; one is the default for groups without one.
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/templates").WithTags("Templates");
        group.MapGet("/", List).WithName("ListTemplates").WithSummary("All templates, the default first");
        group.MapGet("/{id:guid}", Get).WithName("GetTemplate").WithSummary("A template and its settings");
        group.MapPost("/", Create).WithName("CreateTemplate").WithSummary("Create a template (settings default to the built-in ones)");
        group.MapPut("/{id:guid}", Update).WithName("UpdateTemplate").WithSummary("Rename or change settings; groups using it follow at once");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteTemplate").WithSummary("Delete; its groups fall back to the default");
        group.MapPost("/{id:guid}/default", MakeDefault).WithName("MakeTemplateDefault").WithSummary("Make this the default template");
        group.MapPost("/{id:guid}/apply", Apply).WithName("ApplyTemplate").WithSummary("Assign this template to many groups at once").AllowOperators();
        return api;
    }

    public static async Task<Ok<List<TemplateResponse>>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var rows = (await Query(db, user).ToListAsync(ct)).OrderByDescending(t => t.IsDefault).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(rows);
    }

    public static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var row = await Query(db, user, id).FirstOrDefaultAsync(ct);
        return row is null ? Problems.NotFound("Template", id) : TypedResults.Ok(row);
    }

    public static async Task<Results<Created<TemplateResponse>, ValidationProblem, ProblemHttpResult>> Create(CreateTemplateRequest request,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var settings = request.Settings ?? new TemplateSettings();
        if (Validate(request.Name, settings) is { } invalid) return invalid;
        var name = request.Name!.Trim();
        if (await db.Templates.AnyAsync(t => t.WorkspaceId == workspaceId && t.Name == name, ct))
            return Problems.Conflict("Name taken", $"A template named '{name}' already exists; choose another name.");
        var now = time.GetUtcNow().UtcDateTime;
        var template = new Template { WorkspaceId = workspaceId, Name = name, Settings = settings, CreatedAt = now, UpdatedAt = now };
        db.Templates.Add(template);
        if (request.IsDefault == true) await SetDefaultAsync(db, workspaceId, template, ct);
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.Created($"/api/v1/templates/{template.Id}",
            new TemplateResponse(template.Id, template.Name, template.IsDefault, template.Settings, 0, template.CreatedAt, template.UpdatedAt));
    }

    public static async Task<Results<Ok<TemplateResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdateTemplateRequest request,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, ct);
        if (template is null) return Problems.NotFound("Template", id);
        var name = request.Name?.Trim() ?? template.Name;
        var settings = request.Settings ?? template.Settings;
        if (Validate(name, settings) is { } invalid) return invalid;
        if (name != template.Name && await db.Templates.AnyAsync(t => t.WorkspaceId == workspaceId && t.Name == name, ct))
            return Problems.Conflict("Name taken", $"A template named '{name}' already exists; choose another name.");
        (template.Name, template.Settings, template.UpdatedAt) = (name, settings, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.Ok(await Query(db, user, id).FirstAsync(ct));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, ct);
        if (template is null) return Problems.NotFound("Template", id);
        if (template.IsDefault)
            return Problems.Conflict("Default template", "The default template cannot be deleted. Make another template the default first.");
        await db.Communities.Where(c => c.TemplateId == id && c.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TemplateId, (Guid?)null), ct);
        await db.AutoReplyRules.Where(r => r.TemplateId == id && r.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        db.Templates.Remove(template);
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MakeDefault(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var template = await db.Templates.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == workspaceId, ct);
        if (template is null) return Problems.NotFound("Template", id);
        await SetDefaultAsync(db, workspaceId, template, ct);
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ApplyTemplateResponse>, ValidationProblem, ProblemHttpResult>> Apply(Guid id, ApplyTemplateRequest request,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await db.Templates.AnyAsync(t => t.Id == id && t.WorkspaceId == workspaceId, ct)) return Problems.NotFound("Template", id);
        var ids = request.CommunityIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0) return Problems.Invalid("communityIds", "Give the ids of the groups to apply the template to.");
        // Operators may assign templates to their own groups; others read as missing.
        var found = await db.VisibleCommunities(user).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var unknown = ids.Except(found).ToList();
        if (unknown.Count > 0) return Problems.Invalid("communityIds", $"These groups do not exist in your workspace: {string.Join(", ", unknown)}.");
        var applied = await db.Communities.Where(c => ids.Contains(c.Id) && c.WorkspaceId == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TemplateId, (Guid?)id), ct);
        config.Invalidate(workspaceId);
        return TypedResults.Ok(new ApplyTemplateResponse(applied));
    }

    // The group count is of the groups the caller sees (an Operator's own).
    private static IQueryable<TemplateResponse> Query(AppDbContext db, ClaimsPrincipal user, Guid? id = null)
    {
        var workspaceId = user.WorkspaceIdOf();
        var groups = db.VisibleCommunities(user);
        return db.Templates.AsNoTracking().Where(t => t.WorkspaceId == workspaceId && (id == null || t.Id == id))
            .Select(t => new TemplateResponse(t.Id, t.Name, t.IsDefault, t.Settings,
                groups.Count(c => c.TemplateId == t.Id || (c.TemplateId == null && t.IsDefault)),
                t.CreatedAt, t.UpdatedAt));
    }

    private static ValidationProblem? Validate(string? name, TemplateSettings settings)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) return Problems.Invalid("name", "Give the template a name of 1–100 characters.");
        var errors = TemplateValidator.Validate(settings);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static async Task SetDefaultAsync(AppDbContext db, Guid workspaceId, Template template, CancellationToken ct)
    {
        foreach (var other in await db.Templates.Where(t => t.WorkspaceId == workspaceId && t.IsDefault && t.Id != template.Id).ToListAsync(ct))
            other.IsDefault = false;
        template.IsDefault = true;
    }
}
