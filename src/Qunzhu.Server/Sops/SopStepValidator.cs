using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Sops;
using Qunzhu.Core.Topics;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Sops;

/// <summary>Checks one step of an SOP request; errors are keyed "steps[i].field" so the console shows them next to the field.</summary>
public static class SopStepValidator
{
    public const int MaxText = 4096;

    public static async Task<SopStep?> ValidateAsync(SopStepRequest s, int i, SopKind kind, Guid workspaceId, AppDbContext db,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var f = $"steps[{i}]";
        var before = errors.Count;
        void Fail(string field, string message) => errors[$"{f}.{field}"] = [message];

        SopAnchor anchor = default;
        if (!Enums.TryParse<SopAnchor>(s.Anchor, out anchor))
            Fail("anchor", kind == SopKind.Group ? "Choose groupCreated, date or weekly." : "Choose memberJoined, date or weekly.");
        else if (kind == SopKind.Group && anchor == SopAnchor.MemberJoined)
            Fail("anchor", "A group SOP has no joining member: use groupCreated, date or weekly (or make this a member SOP).");
        else if (kind == SopKind.Member && anchor == SopAnchor.GroupCreated)
            Fail("anchor", "A member SOP starts for a person: use memberJoined (when it started for them), date or weekly.");
        SopActionKind action = default;
        if (!Enums.TryParse<SopActionKind>(s.Action, out action)) Fail("action", "Choose postToGroup, messageMember, staffTask, addTag or postTopic.");
        else if (kind == SopKind.Group && action == SopActionKind.MessageMember)
            Fail("action", "A group SOP has no member to message privately: use postToGroup, or a member SOP.");

        var days = s.OffsetDays ?? 0;
        if (days is < 0 or > 365) Fail("offsetDays", "Offset days are 0–365.");
        var minutes = s.OffsetMinutes ?? 0;
        if (minutes is < 0 or > 525_600) Fail("offsetMinutes", "Offset minutes are 0–525600 (a year).");
        TimeOnly? at = null;
        if (!string.IsNullOrWhiteSpace(s.At))
        {
            if (TimeOnly.TryParseExact(s.At.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) at = t;
            else Fail("at", $"'{s.At}' is not a local time \"HH:mm\", e.g. \"20:00\".");
        }
        DateOnly? date = null;
        if (anchor == SopAnchor.Date)
        {
            if (DateOnly.TryParseExact(s.Date?.Trim() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else Fail("date", "A date step needs a date \"yyyy-MM-dd\", e.g. \"2026-12-24\".");
        }
        DayOfWeek? weekday = null;
        var repeat = s.Repeat ?? 1;
        if (anchor == SopAnchor.Weekly)
        {
            if (Enums.TryParse<DayOfWeek>(s.Weekday, out var w)) weekday = w;
            else Fail("weekday", "A weekly step needs a weekday: monday … sunday.");
            if (at is null && !errors.ContainsKey($"{f}.at")) Fail("at", "A weekly step needs a local time \"HH:mm\".");
            if (repeat is < 1 or > 52) Fail("repeat", "Repeat a weekly step 1–52 weeks.");
        }
        else repeat = 1;

        var text = string.IsNullOrWhiteSpace(s.Text) ? null : s.Text.Trim();
        if (text is { Length: > MaxText }) Fail("text", $"At most {MaxText} characters; this has {text.Length}.");
        Guid? contentId = null, topicId = null;
        TopicKind? topicKind = null;
        string? tag = null;
        switch (action)
        {
            case SopActionKind.PostToGroup when s.ContentId is { } id:
                if (text is not null) Fail("text", "Give either text or a library item, not both.");
                else if (!await db.ContentItems.AnyAsync(c => c.Id == id && c.WorkspaceId == workspaceId, ct))
                    Fail("contentId", $"No content item with id '{id}' exists in your workspace.");
                contentId = id;
                break;
            case SopActionKind.PostToGroup or SopActionKind.MessageMember or SopActionKind.StaffTask when text is null:
                Fail("text", "Write what to send (variables: {member}, {group}, {date}, the group's own).");
                break;
            case SopActionKind.AddTag:
                tag = s.Tag?.Trim();
                if (tag is not { Length: >= 1 and <= 50 }) Fail("tag", "Name the tag to add (1–50 characters).");
                break;
            case SopActionKind.PostTopic when s.TopicId is { } tid:
                if (!await db.Topics.AnyAsync(t => t.Id == tid && t.WorkspaceId == workspaceId, ct))
                    Fail("topicId", $"No topic with id '{tid}' exists in your workspace.");
                topicId = tid;
                break;
            case SopActionKind.PostTopic:
                if (Enums.TryParse<TopicKind>(s.TopicKind, out var k)) topicKind = k;
                else Fail("topicKind", "Pick a topic, or a kind to pick from automatically: professional, personal, hot or universal.");
                break;
        }
        if (errors.Count > before) return null;
        return new SopStep(s.Id ?? Core.Ids.NewV7(), anchor, action, days, at is null ? minutes : 0, at, date, weekday, repeat,
            text, contentId, topicId, topicKind, tag);
    }
}
