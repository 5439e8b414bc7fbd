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
        group.MapPost("/", Create).WithName("CreateAutoReply")
            .WithSummary("Add a rule: keywords, match (contains/exact/regex), reply with {member} {group}; Operators add rules of their own groups").AllowOperators();
        group.MapPut("/{id:guid}", Update).WithName("UpdateAutoReply").WithSummary("Replace a rule").AllowOperators();
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteAutoReply").WithSummary("Delete a rule").AllowOperators();
        return api;
    }

    public static async Task<Ok<List<AutoReplyResponse>>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        Guid? communityId = null, Guid? templateId = null)
    {
        var query = Visible(db, user).AsNoTracking();
        if (communityId is { } c) query = query.Where(r => r.CommunityId == c);
        if (templateId is { } t) query = query.Where(r => r.TemplateId == t);
        var rules = await query.OrderByDescending(r => r.Priority).ThenBy(r => r.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(rules.Select(AutoReplyResponse.From).ToList());
    }

    public static async Task<Results<Ok<AutoReplyResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var rule = await Visible(db, user).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return rule is null ? Problems.NotFound("Auto-reply", id) : TypedResults.Ok(AutoReplyResponse.From(rule));
    }

    public static async Task<Results<Created<AutoReplyResponse>, ValidationProblem>> Create(AutoReplyRequest request, ClaimsPrincipal user,
        AppDbContext db, ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var errors = await ValidateAsync(request, db, user, ct);
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
        var rule = await Editable(db, user).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return Problems.NotFound("Auto-reply", id);
        var errors = await ValidateAsync(request, db, user, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        Apply(rule, request, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.Ok(AutoReplyResponse.From(rule));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var deleted = await Editable(db, user).Where(r => r.Id == id).ExecuteDeleteAsync(ct);
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

    /// <summary>Rules a caller may read: an Operator sees the workspace-wide and template rules (they shape their groups
    /// too) and the rules of their own groups, never another group's.</summary>
    private static IQueryable<AutoReplyRule> Visible(AppDbContext db, ClaimsPrincipal user)
    {
        var workspaceId = user.WorkspaceIdOf();
        var rules = db.AutoReplyRules.Where(r => r.WorkspaceId == workspaceId);
        if (!user.IsOperator()) return rules;
        var ids = db.VisibleCommunityIds(user);
        return rules.Where(r => r.CommunityId == null || ids.Contains(r.CommunityId.Value));
    }

    /// Rules a caller may change: an Operator only those of their own groups.
    private static IQueryable<AutoReplyRule> Editable(AppDbContext db, ClaimsPrincipal user) =>
        user.IsOperator() ? Visible(db, user).Where(r => r.CommunityId != null) : Visible(db, user);

    private static async Task<Dictionary<string, string[]>> ValidateAsync(AutoReplyRequest r, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
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
        if (r.CommunityId is { } c && !await db.VisibleCommunities(user).AnyAsync(x => x.Id == c, ct))
            errors["communityId"] = [$"No group with id '{c}' exists in your workspace."];
        else if (r.CommunityId is null && user.IsOperator())
            errors["communityId"] = ["Operators add rules to one of their own groups: give its communityId (ask an admin for a rule for every group)."];
        return errors;
    }
}
