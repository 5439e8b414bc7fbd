using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

public sealed record WorkspaceResponse(Guid Id, string Name, string TimeZoneId, string Locale, DateTime CreatedAt);

/// <param name="TimeZoneId">IANA zone that defines "today" for check-ins, e.g. Asia/Shanghai.</param>
/// <param name="Locale">Language of bot messages: zh-CN or en-US.</param>
public sealed record UpdateWorkspaceRequest(string? Name, string? TimeZoneId, string? Locale);

/// The caller's workspace: name, time zone, bot language.
public static class WorkspaceApi
{
    public static RouteGroupBuilder MapWorkspaceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workspace").WithTags("Workspace");
        group.MapGet("/", Get).WithName("GetWorkspace").WithSummary("The workspace this key belongs to");
        group.MapPatch("/", Update).WithName("UpdateWorkspace").WithSummary("Rename, set the time zone or the bot's language");
        return api;
    }

    public static async Task<Ok<WorkspaceResponse>> Get(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var w = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspaceId, ct);
        return TypedResults.Ok(new WorkspaceResponse(w.Id, w.Name, w.TimeZoneId, w.Locale, w.CreatedAt));
    }

    public static async Task<Results<Ok<WorkspaceResponse>, ValidationProblem>> Update(UpdateWorkspaceRequest request, ClaimsPrincipal user,
        AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var w = await db.Workspaces.SingleAsync(w => w.Id == workspaceId, ct);
        if (request.Name is { } name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) return Problems.Invalid("name", "A name has 1–100 characters.");
            w.Name = name.Trim();
        }
        if (request.TimeZoneId is { } zone)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                return Problems.Invalid("timeZoneId", $"'{zone}' is not a time zone. Use an IANA id such as Asia/Shanghai or Europe/Berlin.");
            w.TimeZoneId = zone;
        }
        if (request.Locale is { } locale)
        {
            if (locale is not ("zh-CN" or "en-US")) return Problems.Invalid("locale", "The bot speaks zh-CN or en-US.");
            w.Locale = locale;
        }
        await db.SaveChangesAsync(ct);
        config.Invalidate(workspaceId);
        return TypedResults.Ok(new WorkspaceResponse(w.Id, w.Name, w.TimeZoneId, w.Locale, w.CreatedAt));
    }
}
