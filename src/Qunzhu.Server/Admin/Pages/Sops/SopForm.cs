using Qunzhu.Core.Communities;
using Qunzhu.Core.Sops;
using Qunzhu.Server.Admin.Shared;
using Qunzhu.Server.Apis;

namespace Qunzhu.Server.Admin.Pages.Sops;

/// <summary>The SOP editor's fields, turned into the API's request (the API validates; its errors are shown next to
/// the field they name).</summary>
public sealed class SopForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public SopKind Kind { get; set; } = SopKind.Group;
    public SopTriggerKind TriggerOn { get; set; } = SopTriggerKind.Joined;
    public string? InviteCode { get; set; }
    public string? TriggerTag { get; set; }
    public IReadOnlyCollection<CommunityType> AutoApplyTypes { get; set; } = [];
    public bool ExitWhenLeft { get; set; } = true;
    public string? ExitTags { get; set; }
    public string? QuietFrom { get; set; }
    public string? QuietTo { get; set; }
    public int LateToleranceMinutes { get; set; } = 10;
    public bool Enabled { get; set; } = true;
    public List<StepForm> Steps { get; set; } = [];

    public static SopForm From(SopResponse s) => new()
    {
        Name = s.Name,
        Description = s.Description,
        Kind = s.Kind,
        TriggerOn = s.Trigger?.On ?? SopTriggerKind.Joined,
        InviteCode = s.Trigger?.InviteCode,
        TriggerTag = s.Trigger?.Tag,
        AutoApplyTypes = [.. s.AutoApplyTypes],
        ExitWhenLeft = s.ExitWhenLeft,
        ExitTags = string.Join(", ", s.ExitTags),
        QuietFrom = s.QuietHours?.From,
        QuietTo = s.QuietHours?.To,
        LateToleranceMinutes = s.LateToleranceMinutes,
        Enabled = s.Enabled,
        Steps = [.. s.Steps.Select(StepForm.From)],
    };

    public SopRequest ToRequest() => new(Name, Description, Kind.ToString(), [.. Steps.Select(s => s.ToRequest())],
        Kind == SopKind.Member ? new SopTriggerRequest(TriggerOn.ToString(), InviteCode, TriggerTag) : null,
        null, Kind == SopKind.Group ? [.. AutoApplyTypes.Select(t => t.ApiName())] : null, ExitWhenLeft,
        (ExitTags ?? "").Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        string.IsNullOrWhiteSpace(QuietFrom) && string.IsNullOrWhiteSpace(QuietTo) ? null : new QuietHoursRequest(QuietFrom, QuietTo),
        LateToleranceMinutes, Enabled);
}
