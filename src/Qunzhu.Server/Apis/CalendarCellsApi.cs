using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Engine;
using Qunzhu.Engine.Caching;
using Qunzhu.Server.Auth;
using Qunzhu.Server.Broadcasts;
using Qunzhu.Server.Calendar;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// The cells of a theme matrix: filling one schedules its weekly broadcast, editing changes it, emptying it cancels it.
public static class CalendarCellsApi
{
    public const int MaxThemeLength = 80;

    public static async Task<Results<Ok<CalendarMatrixResponse>, ValidationProblem, ProblemHttpResult>> Put(Guid id, string weekday, string time,
        CalendarCellRequest request, ClaimsPrincipal user, AppDbContext db, ConfigCache config, EngineSignals signals, TimeProvider clock, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var matrix = await db.CalendarMatrices.FirstOrDefaultAsync(m => m.Id == id && m.WorkspaceId == workspaceId, ct);
        if (matrix is null) return Problems.NotFound("Calendar matrix", id);
        var errors = new Dictionary<string, string[]>();
        if (!CalendarInput.TryWeekday(weekday, out var day)) errors["weekday"] = [$"'{weekday}' is not a weekday; use monday … sunday (or 1 … 7)."];
        if (!CalendarInput.TryTime(time, out var at)) errors["time"] = [$"'{time}' is not a local time; use HH:mm, e.g. 08:00."];
        var theme = request.Theme?.Trim() ?? "";
        if (theme.Length is 0 or > MaxThemeLength) errors["theme"] = [$"Give the cell a theme of 1 to {MaxThemeLength} characters, e.g. 干货分享."];
        var (contentId, text, _) = await BroadcastRequestValidator.ContentAsync(request.Content, workspaceId, db, errors, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (!matrix.Slots.Contains(at))
        {
            if (matrix.Slots.Count >= CalendarInput.MaxSlots) return Problems.Invalid("time", $"A matrix has at most {CalendarInput.MaxSlots} time slots; use one of them.");
            matrix.Slots = [.. matrix.Slots.Append(at).Order()];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cfg = await config.GetAsync(workspaceId, ct);
        var cell = await db.CalendarCells.FirstOrDefaultAsync(c => c.MatrixId == id && c.Weekday == day && c.Time == at, ct);
        if (cell is null) CalendarCells.Add(db, matrix, day, at, theme, contentId, text, cfg.Zone, now);
        else await CalendarCells.UpdateAsync(db, matrix, cell, theme, contentId, text, cfg.Zone, now, ct);
        matrix.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        signals.JobScheduled();
        return TypedResults.Ok((await CalendarReads.ToResponsesAsync(db, user, [matrix], cfg.Workspace.TimeZoneId, ct))[0]);
    }

    public static async Task<Results<Ok<CalendarMatrixResponse>, ValidationProblem, ProblemHttpResult>> Delete(Guid id, string weekday, string time,
        ClaimsPrincipal user, AppDbContext db, ConfigCache config, TimeProvider clock, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var matrix = await db.CalendarMatrices.FirstOrDefaultAsync(m => m.Id == id && m.WorkspaceId == workspaceId, ct);
        if (matrix is null) return Problems.NotFound("Calendar matrix", id);
        if (!CalendarInput.TryWeekday(weekday, out var day)) return Problems.Invalid("weekday", $"'{weekday}' is not a weekday; use monday … sunday (or 1 … 7).");
        if (!CalendarInput.TryTime(time, out var at)) return Problems.Invalid("time", $"'{time}' is not a local time; use HH:mm, e.g. 08:00.");
        var cell = await db.CalendarCells.FirstOrDefaultAsync(c => c.MatrixId == id && c.Weekday == day && c.Time == at, ct);
        if (cell is null)
            return TypedResults.Problem(statusCode: 404, title: "Cell not found", detail: $"The matrix has nothing on {CalendarInput.NameOf(day)} at {CalendarInput.Format(at)}.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await CalendarCells.CancelAsync(db, [cell], now, ct);
        matrix.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var zone = (await config.GetAsync(workspaceId, ct)).Workspace.TimeZoneId;
        return TypedResults.Ok((await CalendarReads.ToResponsesAsync(db, user, [matrix], zone, ct))[0]);
    }
}
