using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.AutoReplies;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Keyword auto-replies: full CRUD; the running engine sees changes at once.
public static class AutoRepliesApi
{
    public static RouteGroupBuilder MapAutoRepliesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auto-replies").WithTags("Auto-replies");
        group.MapGet("/", List).WithName("ListAutoReplies").WithSummary("Rules, optionally of one group or template");
        group.MapGet("/{id:guid}", Get).WithName("GetAutoReply").WithSummary("One rule");
        group.MapPost("/", Create).WithName("CreateAutoReply").WithSummary("Add a rule: keywords, match (contains/exact/regex), reply with {member} {group}");
        group.MapPut("/{id:guid}", Update).WithName("UpdateAutoReply").WithSummary("Replace a rule");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteAutoReply").WithSummary("Delete a rule");
        return api;
    }

    public static async Task<Ok<List<AutoReplyResponse>>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        Guid? communityId = null, Guid? templateId = null)
    {
        var workspaceId = user.WorkspaceIdOf();
        var query = db.AutoReplyRules.AsNoTracking().Where(r => r.WorkspaceId == workspaceId);
        if (communityId is { } c) query = query.Where(r => r.CommunityId == c);
        if (templateId is { } t) query = query.Where(r => r.TemplateId == t);
        var rules = await query.OrderByDescending(r => r.Priority).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(rules.Select(AutoReplyResponse.From).ToList());
    }

    public static async Task<Results<Ok<AutoReplyResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var rule = await db.AutoReplyRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.WorkspaceId == workspaceId, ct);
        return rule is null ? Problems.NotFound("Auto-reply", id) : TypedResults.Ok(AutoReplyResponse.From(rule));
    }

    public static async Task<Results<Created<AutoReplyResponse>, ValidationProblem>> Create(AutoReplyRequest request, ClaimsPrincipal user,
        AppDbContext db, ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var errors = await ValidateAsync(request, db, workspaceId, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var now = time.GetUtcNow().UtcDateTime;
        var rule = new AutoReplyRule { WorkspaceId = workspaceId, Reply = "", CreatedAt = now };
        Apply(rule, request, now);
        db.AutoReplyRules.Add(rule);
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.Created($"/api/v1/auto-replies/{rule.Id}", AutoReplyResponse.From(rule));
    }

    public static async Task<Results<Ok<AutoReplyResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, AutoReplyRequest request,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var rule = await db.AutoReplyRules.FirstOrDefaultAsync(r => r.Id == id && r.WorkspaceId == workspaceId, ct);
        if (rule is null) return Problems.NotFound("Auto-reply", id);
        var errors = await ValidateAsync(request, db, workspaceId, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        Apply(rule, request, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.Ok(AutoReplyResponse.From(rule));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var deleted = await db.AutoReplyRules.Where(r => r.Id == id && r.WorkspaceId == workspaceId).ExecuteDeleteAsync(ct);
        if (deleted == 0) return Problems.NotFound("Auto-reply", id);
        await db.AutoReplyCooldowns.Where(c => c.RuleId == id).ExecuteDeleteAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.NoContent();
    }

    private static void Apply(AutoReplyRule rule, AutoReplyRequest r, DateTime now)
    {
        rule.Keywords = [.. r.Keywords!.Select(k => k.Trim())];
        rule.Match = r.Match ?? MatchMode.Contains;
        rule.Reply = r.Reply!.Trim();
        rule.TemplateId = r.TemplateId;
        rule.CommunityId = r.CommunityId;
        rule.CooldownSeconds = r.CooldownSeconds;
        rule.Enabled = r.Enabled ?? true;
        rule.Priority = r.Priority ?? 0;
        rule.UpdatedAt = now;
    }

    private static async Task<Dictionary<string, string[]>> ValidateAsync(AutoReplyRequest r, AppDbContext db, Guid workspaceId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var keywords = r.Keywords ?? [];
        if (keywords.Count is 0 or > 50 || keywords.Any(k => string.IsNullOrWhiteSpace(k) || k.Trim().Length > 200))
            errors["keywords"] = ["Give 1–50 keywords of 1–200 characters each."];
        else if (r.Match == MatchMode.Regex)
        {
            var bad = keywords.Select(k => (k, Error: AutoReplyMatcher.ValidatePattern(k))).FirstOrDefault(x => x.Error is not null);
            if (bad.Error is not null) errors["keywords"] = [$"The pattern '{bad.k}' is not a valid regular expression: {bad.Error}"];
        }
        if (string.IsNullOrWhiteSpace(r.Reply) || r.Reply.Trim().Length > 2000) errors["reply"] = ["Give a reply of 1–2000 characters."];
        if (r.CooldownSeconds is < 0 or > 86_400) errors["cooldownSeconds"] = ["Cooldown must be between 0 and 86400 seconds."];
        if (r.TemplateId is not null && r.CommunityId is not null)
            errors["communityId"] = ["A rule applies to one group or to one template's groups, not both: give one of templateId, communityId."];
        if (r.TemplateId is { } t && !await db.Templates.AnyAsync(x => x.Id == t && x.WorkspaceId == workspaceId, ct))
            errors["templateId"] = [$"No template with id '{t}' exists in your workspace."];
        if (r.CommunityId is { } c && !await db.Communities.AnyAsync(x => x.Id == c && x.WorkspaceId == workspaceId, ct))
            errors["communityId"] = [$"No group with id '{c}' exists in your workspace."];
        return errors;
    }
}
