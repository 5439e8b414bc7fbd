using System.Globalization;
using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Sops;
using Qunzhu.Server.Apis;
using Qunzhu.Server.Broadcasts;
using Qunzhu.Storage;

namespace Qunzhu.Server.Sops;

/// <summary>Checks a whole SOP request and, when all of it is valid, writes it onto the entity (a new one, or the
/// one being edited); otherwise nothing is changed.</summary>
public static class SopRequestValidator
{
    public const int MaxSteps = 50;

    public static async Task<Dictionary<string, string[]>> ApplyAsync(SopRequest r, Sop target, bool isNew, Guid workspaceId, AppDbContext db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim();
        if (name is not { Length: >= 1 and <= 200 }) errors["name"] = ["Give the SOP a name of 1–200 characters."];
        var description = string.IsNullOrWhiteSpace(r.Description) ? null : r.Description.Trim();
        if (description is { Length: > 2000 }) errors["description"] = ["A description has at most 2000 characters."];
        var kind = target.Kind;
        if (isNew && !Enums.TryParse(r.Kind, out kind)) errors["kind"] = ["Choose group (nurtures a group) or member (follows one person)."];
        else if (!isNew && r.Kind is not null && (!Enums.TryParse<SopKind>(r.Kind, out var k) || k != target.Kind))
            errors["kind"] = [$"An SOP's kind cannot change (this one is {target.Kind.ToString().ToLowerInvariant()}); create a new SOP instead."];

        var steps = new List<SopStep>();
        var requested = r.Steps ?? [];
        if (requested.Count is 0 or > MaxSteps) errors["steps"] = [$"An SOP has 1–{MaxSteps} steps."];
        else if (requested.Where(s => s.Id is not null).GroupBy(s => s.Id).Any(g => g.Count() > 1)) errors["steps"] = ["Two steps have the same id."];
        else if (!errors.ContainsKey("kind"))
            for (var i = 0; i < requested.Count; i++)
                if (await SopStepValidator.ValidateAsync(requested[i], i, kind, workspaceId, db, errors, ct) is { } step) steps.Add(step);

        SopTrigger? trigger = null;
        if (kind == SopKind.Member && !errors.ContainsKey("kind"))
        {
            if (!Enums.TryParse<SopTriggerKind>(r.Trigger?.On, out var on))
                errors["trigger.on"] = ["Say what starts it: {\"on\":\"joined\"} (optionally with an inviteCode) or {\"on\":\"tagged\",\"tag\":\"…\"}."];
            else if (on == SopTriggerKind.Tagged && r.Trigger!.Tag?.Trim() is not { Length: >= 1 and <= 50 })
                errors["trigger.tag"] = ["Name the member tag that starts it (1–50 characters)."];
            else
            {
                var code = string.IsNullOrWhiteSpace(r.Trigger!.InviteCode) ? null : r.Trigger.InviteCode.Trim();
                if (code is { Length: > 64 }) errors["trigger.inviteCode"] = ["An invite code has at most 64 characters."];
                trigger = new SopTrigger(on, on == SopTriggerKind.Joined ? code : null, on == SopTriggerKind.Tagged ? r.Trigger.Tag!.Trim() : null);
            }
        }
        else if (kind == SopKind.Group && r.Trigger is not null) errors["trigger"] = ["A group SOP has no trigger: apply it to groups, or set autoApplyTypes."];

        var scope = new BroadcastTargets();
        var s = r.Scope;
        if (s is not null && ((s.CommunityIds?.Count ?? 0) + (s.CommunityTypes?.Count ?? 0) + (s.Tags?.Count ?? 0)) > 0)
        {
            if (kind == SopKind.Group) errors["scope"] = ["A group SOP is applied to groups (POST /sops/{id}/apply); scope is for member SOPs."];
            else
            {
                var scopeErrors = new Dictionary<string, string[]>();
                scope = await BroadcastRequestValidator.TargetsAsync(s, workspaceId, db, scopeErrors, ct) ?? scope;
                foreach (var (key, value) in scopeErrors) errors[key.Replace("targets", "scope", StringComparison.Ordinal)] = value;
            }
        }
        var types = new List<CommunityType>();
        foreach (var typeName in r.AutoApplyTypes ?? [])
        {
            if (kind == SopKind.Member) errors["autoApplyTypes"] = ["Member SOPs start from their trigger; limit them to groups with scope."];
            else if (CommunityTypes.TryParse(typeName, out var type)) types.Add(type);
            else errors["autoApplyTypes"] = [$"Unknown type '{typeName}'. Use one of: {string.Join(", ", CommunityTypes.Names)}."];
        }
        var exitTags = (r.ExitTags ?? []).Select(t => t?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (exitTags.Count > 20 || exitTags.Any(t => t.Length is 0 or > 50)) errors["exitTags"] = ["Up to 20 exit tags of 1–50 characters."];
        var quiet = QuietHours(r.QuietHours, errors);
        var tolerance = r.LateToleranceMinutes ?? 10;
        if (tolerance is < 0 or > 1440) errors["lateToleranceMinutes"] = ["Late tolerance is 0–1440 minutes."];
        if (errors.Count > 0) return errors;

        target.Name = name!;
        target.Description = description;
        target.Kind = kind;
        target.Steps = steps;
        target.Trigger = trigger;
        target.Scope = scope;
        target.AutoApplyTypes = [.. types.Distinct()];
        target.ExitWhenLeft = r.ExitWhenLeft ?? true;
        target.ExitTags = exitTags;
        target.QuietHours = quiet;
        target.LateToleranceMinutes = tolerance;
        target.Enabled = r.Enabled ?? true;
        return errors;
    }

    public static QuietHours? QuietHours(QuietHoursRequest? q, Dictionary<string, string[]> errors)
    {
        if (q is null || (string.IsNullOrWhiteSpace(q.From) && string.IsNullOrWhiteSpace(q.To))) return null;
        var okFrom = TimeOnly.TryParseExact(q.From ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from);
        var okTo = TimeOnly.TryParseExact(q.To ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to);
        if (!okFrom || !okTo) errors["quietHours"] = ["Quiet hours are two local times \"HH:mm\", e.g. {\"from\":\"22:00\",\"to\":\"08:00\"}."];
        else if (from == to) errors["quietHours"] = ["Quiet hours need from ≠ to."];
        else return new QuietHours(from, to);
        return null;
    }
}
