using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Auth;

/// Who changed what, newest first. Owners and Admins only.
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-log", List).WithTags("Audit log").WithName("ListAuditLog").RequireAdmin()
            .WithSummary("Changes by staff and API keys, newest first; filter by entity or actor");
        return api;
    }

    public static async Task<Ok<PagedList<AuditEntryResponse>>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct,
        string? entity = null, Guid? actorId = null, int page = 1, int pageSize = 50)
    {
        var workspaceId = user.WorkspaceIdOf();
        (page, pageSize) = (Math.Max(page, 1), Math.Clamp(pageSize, 1, 200));
        var query = db.AuditLog.AsNoTracking().Where(a => a.WorkspaceId == workspaceId);
        if (!string.IsNullOrWhiteSpace(entity)) query = query.Where(a => a.Entity == entity.Trim());
        if (actorId is { } actor) query = query.Where(a => a.ActorId == actor);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new AuditEntryResponse(a.Id, a.At, a.ActorKind, a.ActorId, a.ActorName, a.Entity, a.EntityId, a.Action, a.Changes))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<AuditEntryResponse>(items, total, page, pageSize));
    }
}
