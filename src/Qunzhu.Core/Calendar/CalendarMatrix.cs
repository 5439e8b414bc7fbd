using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Communities;

namespace Qunzhu.Core.Calendar;

/// <summary>A weekly theme matrix (weekday × time slot) for the groups of one template or of one community type.
/// Each filled <see cref="CalendarCell"/> owns one recurring broadcast; the matrix is the source of truth for it.</summary>
public sealed class CalendarMatrix
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    /// The groups of this template (a group without a template follows the default one) …
    public Guid? TemplateId { get; set; }
    /// … or the groups of this type: exactly one of the two is set.
    public CommunityType? CommunityType { get; set; }
    /// The matrix's rows, local times in the workspace's time zone.
    public List<TimeOnly> Slots { get; set; } = [];
    public QuietHours? QuietHours { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public BroadcastTargets ToTargets() => TemplateId is { } id
        ? new BroadcastTargets { TemplateIds = [id] }
        : new BroadcastTargets { CommunityTypes = CommunityType is { } t ? [t] : [] };
}
