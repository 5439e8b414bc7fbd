using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Communities;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Broadcasts;

/// <summary>Checks a broadcast request field by field; every message says what to change. Nothing is stored
/// unless all of it is valid.</summary>
public static class BroadcastRequestValidator
{
    public const int MaxTargets = 20_000;

    public static async Task<(BroadcastDraft? Draft, Dictionary<string, string[]> Errors)> ValidateAsync(CreateBroadcastRequest r, Guid workspaceId,
        TimeZoneInfo zone, DateTime now, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (contentId, text, title) = await ContentAsync(r.Content, workspaceId, db, errors, ct);
        var targets = await TargetsAsync(r.Targets, workspaceId, db, errors, ct);

        DateTime? at = null;
        string? cronText = null;
        Cronos.CronExpression? cron = null;
        if (r.Schedule is { At: not null, Cron: not null })
            errors["schedule"] = ["Give either schedule.at (once) or schedule.cron (recurring), not both."];
        else if (r.Schedule?.Cron is { } c)
        {
            cron = BroadcastSchedule.ParseCron(c.Trim(), out var error);
            if (cron is null) errors["schedule.cron"] = [error!];
            else cronText = c.Trim();
        }
        else if (r.Schedule?.At is { } a)
        {
            at = ParseAt(a, zone);
            if (at is null) errors["schedule.at"] = [$"'{a}' is not an ISO-8601 time, e.g. 2026-12-01T08:00:00+08:00 (without an offset it is read in {zone.Id})."];
            else if (at < now.AddMinutes(-1)) errors["schedule.at"] = [$"{a} is in the past. Omit the schedule to send now."];
        }

        QuietHours? quiet = null;
        if (r.QuietHours is { } q)
        {
            var okFrom = TimeOnly.TryParseExact(q.From ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from);
            var okTo = TimeOnly.TryParseExact(q.To ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to);
            if (!okFrom || !okTo) errors["quietHours"] = ["Quiet hours are two local times \"HH:mm\", e.g. {\"from\":\"22:00\",\"to\":\"08:00\"}."];
            else if (from == to) errors["quietHours"] = ["Quiet hours need from ≠ to."];
            else quiet = new QuietHours(from, to);
        }
        var name = r.Name?.Trim();
        if (name is { Length: > 200 }) errors["name"] = ["A name has at most 200 characters."];
        if (errors.Count > 0) return (null, errors);

        DateTime first;
        if (cron is not null)
        {
            if (BroadcastSchedule.NextOccurrence(cron, now, zone) is not { } next)
                return (null, new() { ["schedule.cron"] = [$"'{cronText}' never fires after now."] });
            first = next;
        }
        else first = at ?? now;
        var draft = new BroadcastDraft(string.IsNullOrEmpty(name) ? Shorten(title!) : name, contentId, text, targets!, at, cronText, cron, quiet,
            first, BroadcastSchedule.SendTime(first, quiet, zone), r.Draft == true);
        return (draft, errors);
    }

    public static async Task<(Guid? ContentId, string? Text, string? Title)> ContentAsync(BroadcastContentRequest? content, Guid workspaceId, AppDbContext db,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (content is null || (content.ContentId is null && string.IsNullOrWhiteSpace(content.Text)))
        {
            errors["content"] = ["Say what to send: {\"text\":\"…\"} or {\"contentId\":\"…\"} (an item of the content library)."];
            return (null, null, null);
        }
        if (content.ContentId is not null && !string.IsNullOrWhiteSpace(content.Text))
        {
            errors["content"] = ["Give either content.text or content.contentId, not both."];
            return (null, null, null);
        }
        if (content.ContentId is { } id)
        {
            var title = await db.ContentItems.Where(c => c.Id == id && c.WorkspaceId == workspaceId).Select(c => c.Title).FirstOrDefaultAsync(ct);
            if (title is null) errors["content.contentId"] = [$"No content item with id '{id}' exists in your workspace."];
            return (id, null, title);
        }
        if (content.Text!.Length > 4096) errors["content.text"] = [$"A message has at most 4096 characters; this one has {content.Text.Length}."];
        return (null, content.Text, content.Text.Trim());
    }

    public static async Task<BroadcastTargets?> TargetsAsync(BroadcastTargetsRequest? t, Guid workspaceId, AppDbContext db,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var ids = (t?.CommunityIds ?? []).Distinct().ToList();
        var typeNames = (t?.CommunityTypes ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).ToList();
        var tags = (t?.Tags ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var templateIds = (t?.TemplateIds ?? []).Distinct().ToList();
        if (ids.Count == 0 && typeNames.Count == 0 && tags.Count == 0 && templateIds.Count == 0)
        {
            errors["targets"] = ["Say which groups: {\"communityIds\":[…]}, {\"communityTypes\":[\"learning\"]}, {\"tags\":[\"北京\"]} or {\"templateIds\":[…]}."];
            return null;
        }
        if (ids.Count > MaxTargets)
        {
            errors["targets.communityIds"] = [$"At most {MaxTargets} groups by id; use communityTypes or tags for more."];
            return null;
        }
        var types = new List<CommunityType>();
        foreach (var name in typeNames)
        {
            if (CommunityTypes.TryParse(name, out var type)) types.Add(type);
            else errors["targets.communityTypes"] = [$"Unknown type '{name}'. Use one of: {string.Join(", ", CommunityTypes.Names)}."];
        }
        if (ids.Count > 0)
        {
            var found = await db.Communities.Where(c => c.WorkspaceId == workspaceId && ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            var missing = ids.Except(found).ToList();
            if (missing.Count > 0)
                errors["targets.communityIds"] = [$"No community with id {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? $" (and {missing.Count - 5} more)" : "")} exists in your workspace."];
        }
        if (templateIds.Count > 0)
        {
            var known = await db.Templates.Where(x => x.WorkspaceId == workspaceId && templateIds.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct);
            var missing = templateIds.Except(known).ToList();
            if (missing.Count > 0) errors["targets.templateIds"] = [$"No group template with id '{missing[0]}' exists in your workspace."];
        }
        return new BroadcastTargets { CommunityIds = ids, CommunityTypes = [.. types.Distinct()], Tags = tags, TemplateIds = templateIds };
    }

    private static DateTime? ParseAt(string text, TimeZoneInfo zone)
    {
        text = text.Trim();
        if (text.Length < 16 || text[4] != '-' || text[10] is not ('T' or ' ')) return null;
        if (HasOffset(text))
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) ? withOffset.UtcDateTime : null;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? LocalTime.ToUtc(local, zone) : null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
