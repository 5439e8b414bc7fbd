using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Calendar;
using Qunzhu.Engine;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Calendar;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// <summary>The content calendar: weekly theme matrices (weekday × time slot) per group template or community type, each
/// filled cell a recurring broadcast; and the calendar of what goes out when.</summary>
public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendar").WithTags("Calendar");
        group.MapGet("/", CalendarOccurrences.Get).WithName("GetCalendar")
            .WithSummary("What goes out when between from and to (local dates or ISO-8601; default this week), from every scheduled or recurring broadcast, in the workspace time zone, with target counts");
        group.MapGet("/matrices", List).WithName("ListCalendarMatrices").WithSummary("Theme matrices with their cells");
        group.MapPost("/matrices", Create).WithName("CreateCalendarMatrix").WithSummary("A weekly theme matrix for a group template or a community type");
        group.MapGet("/matrices/{id:guid}", Get).WithName("GetCalendarMatrix").WithSummary("One theme matrix with its cells");
        group.MapPut("/matrices/{id:guid}", Update).WithName("UpdateCalendarMatrix")
            .WithSummary("Rename, retarget, change slots or quiet hours; every cell's broadcast follows, cells of removed slots stop");
        group.MapDelete("/matrices/{id:guid}", Delete).WithName("DeleteCalendarMatrix").WithSummary("Delete a matrix: its cells' broadcasts are cancelled");
        group.MapPut("/matrices/{id:guid}/cells/{weekday}/{time}", CalendarCellsApi.Put).WithName("PutCalendarCell")
            .WithSummary("Fill or edit a cell (weekday monday…sunday, time HH:mm): theme and content; it goes out weekly as a broadcast");
        group.MapDelete("/matrices/{id:guid}/cells/{weekday}/{time}", CalendarCellsApi.Delete).WithName("DeleteCalendarCell")
            .WithSummary("Empty a cell: its broadcast is cancelled");
        return api;
    }

    public static async Task<Ok<List<CalendarMatrixResponse>>> List(ClaimsPrincipal user, AppDbContext db, ConfigCache config, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var matrices = await db.CalendarMatrices.AsNoTracking().Where(m => m.WorkspaceId == workspaceId).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var zone = (await config.GetAsync(workspaceId, ct)).Workspace.TimeZoneId;
        return TypedResults.Ok(await CalendarReads.ToResponsesAsync(db, user, matrices, zone, ct));
    }

    public static async Task<Results<Ok<CalendarMatrixResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, ConfigCache config,
        CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var matrix = await db.CalendarMatrices.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.WorkspaceId == workspaceId, ct);
        if (matrix is null) return Problems.NotFound("Calendar matrix", id);
        var zone = (await config.GetAsync(workspaceId, ct)).Workspace.TimeZoneId;
        return TypedResults.Ok((await CalendarReads.ToResponsesAsync(db, user, [matrix], zone, ct))[0]);
    }

    public static async Task<Results<Created<CalendarMatrixResponse>, ValidationProblem>> Create(CalendarMatrixRequest request, ClaimsPrincipal user,
        AppDbContext db, ConfigCache config, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var (valid, errors) = await CalendarInput.ValidateAsync(request, workspaceId, db, ct);
        if (valid is null) return TypedResults.ValidationProblem(errors);
        var now = time.GetUtcNow().UtcDateTime;
        var matrix = new CalendarMatrix
        {
            WorkspaceId = workspaceId,
            Name = valid.Name,
            TemplateId = valid.TemplateId,
            CommunityType = valid.Type,
            Slots = valid.Slots,
            QuietHours = valid.QuietHours,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.CalendarMatrices.Add(matrix);
        await db.SaveChangesAsync(ct);
        var zone = (await config.GetAsync(workspaceId, ct)).Workspace.TimeZoneId;
        return TypedResults.Created($"/api/v1/calendar/matrices/{matrix.Id}", (await CalendarReads.ToResponsesAsync(db, user, [matrix], zone, ct))[0]);
    }

    public static async Task<Results<Ok<CalendarMatrixResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, CalendarMatrixRequest request,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, EngineSignals signals, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var matrix = await db.CalendarMatrices.FirstOrDefaultAsync(m => m.Id == id && m.WorkspaceId == workspaceId, ct);
        if (matrix is null) return Problems.NotFound("Calendar matrix", id);
        var (valid, errors) = await CalendarInput.ValidateAsync(request, workspaceId, db, ct);
        if (valid is null) return TypedResults.ValidationProblem(errors);
        var now = time.GetUtcNow().UtcDateTime;
        var cfg = await config.GetAsync(workspaceId, ct);
        (matrix.Name, matrix.TemplateId, matrix.CommunityType, matrix.Slots, matrix.QuietHours, matrix.UpdatedAt) =
            (valid.Name, valid.TemplateId, valid.Type, valid.Slots, valid.QuietHours, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cells = await db.CalendarCells.Where(c => c.MatrixId == id).ToListAsync(ct);
        var removed = cells.Where(c => !valid.Slots.Contains(c.Time)).ToList();
        await CalendarCells.CancelAsync(db, removed, now, ct);
        await CalendarCells.SyncMatrixAsync(db, matrix, [.. cells.Except(removed)], cfg.Zone, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signals.JobScheduled();
        return TypedResults.Ok((await CalendarReads.ToResponsesAsync(db, user, [matrix], cfg.Workspace.TimeZoneId, ct))[0]);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var matrix = await db.CalendarMatrices.FirstOrDefaultAsync(m => m.Id == id && m.WorkspaceId == workspaceId, ct);
        if (matrix is null) return Problems.NotFound("Calendar matrix", id);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CalendarCells.CancelAsync(db, await db.CalendarCells.Where(c => c.MatrixId == id).ToListAsync(ct), time.GetUtcNow().UtcDateTime, ct);
        db.CalendarMatrices.Remove(matrix);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
