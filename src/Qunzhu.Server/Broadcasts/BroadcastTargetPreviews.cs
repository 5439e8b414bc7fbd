using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Content;
using Qunzhu.Engine.Broadcasts;
using Qunzhu.Engine.Processing;
using Qunzhu.Server.Apis;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Broadcasts;

/// What a broadcast's targets resolve to right now, and how each group would get it.
public static class BroadcastTargetPreviews
{
    public static async Task<Results<Ok<PreviewTargetsResponse>, ValidationProblem>> Preview(PreviewTargetsRequest request, ClaimsPrincipal user,
        AppDbContext db, PlatformCatalog platforms, CancellationToken ct, int limit = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        var errors = new Dictionary<string, string[]>();
        var targets = await BroadcastRequestValidator.TargetsAsync(request.Targets, workspaceId, db, errors, ct);
        var kind = ContentKind.Text;
        if (request.Content?.ContentId is { } contentId)
        {
            var found = await db.ContentItems.Where(c => c.Id == contentId && c.WorkspaceId == workspaceId).Select(c => (ContentKind?)c.Kind).FirstOrDefaultAsync(ct);
            if (found is null) errors["content.contentId"] = [$"No content item with id '{contentId}' exists in your workspace."];
            else kind = found.Value;
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var groups = await BroadcastTargeting.Query(db, workspaceId, targets!).AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Platform, c.Type, c.Capabilities }).ToListAsync(ct);
        var previews = groups.Select(g =>
        {
            var capabilities = g.Capabilities ?? platforms.Capabilities(g.Platform);
            var platform = g.Platform.ToString().ToLowerInvariant();
            var type = CommunityTypes.Names.ElementAt((int)g.Type);
            if (!capabilities.Sends(kind))
                return new TargetPreview(g.Id, g.Name, platform, type, "cannotSend", $"{g.Platform} cannot send {kind.ToString().ToLowerInvariant()} content.");
            return capabilities.PostsFreely
                ? new TargetPreview(g.Id, g.Name, platform, type, "bot", null)
                : new TargetPreview(g.Id, g.Name, platform, type, "staffConfirmation", $"On {g.Platform} a staff member confirms each group's message.");
        }).ToList();
        return TypedResults.Ok(new PreviewTargetsResponse(previews.Count, previews.Count(p => p.Delivery == "bot"), previews.Count(p => p.Delivery == "staffConfirmation"),
            previews.Count(p => p.Delivery == "cannotSend"), previews.GroupBy(p => p.Platform).ToDictionary(g => g.Key, g => g.Count()),
            [.. previews.Take(Math.Clamp(limit, 1, 1000))]));
    }
}
