using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Calendar;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Calendar;

/// Checks matrix and cell input; every message says what to change.
public static class CalendarInput
{
    public const int MaxSlots = 12;

    public static readonly string[] WeekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// "monday" … "sunday", or ISO numbers 1 (Monday) … 7 (Sunday).
    public static bool TryWeekday(string? text, out DayOfWeek weekday)
    {
        weekday = default;
        var t = text?.Trim().ToLowerInvariant() ?? "";
        var index = Array.IndexOf(WeekdayNames, t);
        if (index < 0 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var iso) && iso is >= 1 and <= 7) index = iso % 7;
        if (index < 0) return false;
        weekday = (DayOfWeek)index;
        return true;
    }

    public static string NameOf(DayOfWeek weekday) => WeekdayNames[(int)weekday];

    public static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim() ?? "", ["HH:mm", "H:mm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public sealed record Matrix(string Name, Guid? TemplateId, Core.Communities.CommunityType? Type, List<TimeOnly> Slots, QuietHours? QuietHours);

    public static async Task<(Matrix? Matrix, Dictionary<string, string[]> Errors)> ValidateAsync(CalendarMatrixRequest r, Guid workspaceId, AppDbContext db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) errors["name"] = ["Give the matrix a name of 1 to 100 characters, e.g. 学习群内容日历."];
        Core.Communities.CommunityType? type = null;
        if (r.TemplateId is not null == !string.IsNullOrWhiteSpace(r.CommunityType))
            errors["target"] = ["Say whose calendar this is: either templateId (the groups of a group template) or communityType, not both."];
        else if (r.TemplateId is { } templateId)
        {
            if (!await db.Templates.AnyAsync(t => t.Id == templateId && t.WorkspaceId == workspaceId, ct))
                errors["templateId"] = [$"No group template with id '{templateId}' exists in your workspace."];
        }
        else if (CommunityTypes.TryParse(r.CommunityType, out var t)) type = t;
        else errors["communityType"] = [$"Unknown type '{r.CommunityType}'. Use one of: {string.Join(", ", CommunityTypes.Names)}."];

        var slots = new List<TimeOnly>();
        foreach (var s in r.Slots ?? ["08:00", "12:00", "20:00"])
        {
            if (!TryTime(s, out var time)) errors["slots"] = [$"'{s}' is not a local time; write slots as \"HH:mm\", e.g. \"07:30\"."];
            else if (!slots.Contains(time)) slots.Add(time);
        }
        if (slots.Count > MaxSlots) errors["slots"] = [$"A matrix has at most {MaxSlots} time slots a day."];
        var quiet = QuietHoursOf(r.QuietHours, errors);
        if (errors.Count > 0) return (null, errors);
        slots.Sort();
        return (new Matrix(name, r.TemplateId, type, slots, quiet), errors);
    }

    public static QuietHours? QuietHoursOf(QuietHoursRequest? q, Dictionary<string, string[]> errors)
    {
        if (q is null) return null;
        var okFrom = TimeOnly.TryParseExact(q.From ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from);
        var okTo = TimeOnly.TryParseExact(q.To ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to);
        if (!okFrom || !okTo) errors["quietHours"] = ["Quiet hours are two local times \"HH:mm\", e.g. {\"from\":\"22:00\",\"to\":\"08:00\"}."];
        else if (from == to) errors["quietHours"] = ["Quiet hours need from ≠ to."];
        else return new QuietHours(from, to);
        return null;
    }

    public static QuietHoursRequest? ToRequest(QuietHours? q) => q is null ? null : new QuietHoursRequest(Format(q.From), Format(q.To));

    public static string BroadcastName(CalendarMatrix matrix, string theme) => $"{matrix.Name} · {theme}";
}
