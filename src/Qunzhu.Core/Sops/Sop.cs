using Qunzhu.Core.Broadcasts;
using Qunzhu.Core.Communities;

namespace Qunzhu.Core.Sops;

/// <summary>An SOP template: ordered steps, each at an offset from an anchor. A group SOP nurtures a group
/// (applied by hand, or to every new group of a listed type); a member SOP follows one person from a trigger
/// (joining a group in scope, getting a tag). Each target it runs for is a <see cref="SopEnrollment"/> with one
/// <see cref="SopExecution"/> row per step (per weekly occurrence).</summary>
public sealed class Sop
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public SopKind Kind { get; set; }
    public List<SopStep> Steps { get; set; } = [];
    /// Member SOPs: what starts one for a person.
    public SopTrigger? Trigger { get; set; }
    /// Member SOPs: the groups whose joins count (empty: every group).
    public BroadcastTargets Scope { get; set; } = new();
    /// Group SOPs: groups of these types are enrolled when they are created.
    public List<CommunityType> AutoApplyTypes { get; set; } = [];
    /// Member SOPs: stop when the member leaves the group.
    public bool ExitWhenLeft { get; set; } = true;
    /// Stop when the target carries one of these tags (member tags for a member SOP, group tags for a group SOP).
    public List<string> ExitTags { get; set; } = [];
    public QuietHours? QuietHours { get; set; }
    /// A step done more than this many minutes after it was due counts as late.
    public int LateToleranceMinutes { get; set; } = 10;
    public bool Enabled { get; set; } = true;
    /// The built-in template this SOP was created from, if any.
    public string? BuiltIn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum SopKind
{
    Group,
    Member,
}
