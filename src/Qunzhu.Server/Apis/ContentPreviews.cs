using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Content;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Text;
using Qunzhu.Engine.Caching;
using Qunzhu.Engine.Processing;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// <summary>What a library item becomes on a platform: the text with variables filled (a named group's own
/// values, or sample ones), and what that platform cannot send.</summary>
public static class ContentPreviews
{
    public static async Task<Results<Ok<ContentPreview>, ValidationProblem, ProblemHttpResult>> Preview(Guid id, ClaimsPrincipal user, AppDbContext db,
        ConfigCache config, PlatformCatalog platforms, TimeProvider time, CancellationToken ct, string? platform = null, Guid? communityId = null)
    {
        var workspaceId = user.WorkspaceIdOf();
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId, ct);
        if (item is null) return Problems.NotFound("Content item", id);
        var community = communityId is { } cid
            ? await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid && c.WorkspaceId == workspaceId, ct)
            : null;
        if (communityId is not null && community is null) return Problems.Invalid("communityId", $"No community with id '{communityId}' exists in your workspace.");
        PlatformKind kind;
        if (platform is not null)
        {
            if (!Enum.TryParse(platform, ignoreCase: true, out kind) || int.TryParse(platform, out _))
                return Problems.Invalid("platform", $"Unknown platform '{platform}'. Use sandbox, telegram, wecom or bridge.");
        }
        else if (community is not null) kind = community.Platform;
        else return Problems.Invalid("platform", "Say which platform to preview for (?platform=telegram), or name a group (?communityId=…).");

        var capabilities = community is not null && community.Platform == kind ? community.Capabilities ?? platforms.Capabilities(kind) : platforms.Capabilities(kind);
        var cfg = await config.GetAsync(workspaceId, ct);
        var locale = cfg.Workspace.Locale;
        var values = ContentRenderer.Values(community?.Name ?? BotText.Get("Content_SampleGroup", locale),
            ContentRenderer.LocalDate(time.GetUtcNow().UtcDateTime, cfg.Zone), locale, community?.Variables);
        var text = ContentRenderer.Text(item, values);

        var problems = new List<string>();
        var canSend = true;
        if (!capabilities.Sends(item.Kind))
        {
            canSend = false;
            problems.Add($"{kind} cannot send {item.Kind.ToString().ToLowerInvariant()} content; choose another item for these groups.");
        }
        if (capabilities.MaxTextLength is { } max && text.Length > max)
        {
            canSend = false;
            problems.Add($"The text has {text.Length} characters; {kind} accepts at most {max}.");
        }
        if (!capabilities.PostsFreely)
            problems.Add($"On {kind} the bot cannot post by itself: each group's message becomes a task for a staff member to confirm.");
        var unknown = new[] { item.Text, item.Title, item.Description }.SelectMany(t => ContentRenderer.UnknownVariables(t, values)).Distinct().ToList();
        return TypedResults.Ok(new ContentPreview(kind.ToString().ToLowerInvariant(), item.Kind, text, canSend, problems, unknown, community?.Id));
    }
}
