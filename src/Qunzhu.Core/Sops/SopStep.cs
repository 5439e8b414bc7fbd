using Qunzhu.Core.Topics;

namespace Qunzhu.Core.Sops;

/// <summary>One step: when (anchor + offset, or a date, or a weekday) and one thing to do.</summary>
/// <param name="Id">Stable across edits: execution rows point at it.</param>
/// <param name="OffsetDays">Days after the anchor's local date (GroupCreated / MemberJoined).</param>
/// <param name="OffsetMinutes">Minutes after the anchor, added after the days; ignored when <paramref name="At"/> is set.</param>
/// <param name="At">Local time of day the step fires (on the offset day, the date, or the weekday).</param>
/// <param name="Date">The local date for <see cref="SopAnchor.Date"/>.</param>
/// <param name="Weekday">The weekday for <see cref="SopAnchor.Weekly"/>.</param>
/// <param name="Repeat">Weekly steps: how many weeks in a row (1 = once).</param>
/// <param name="Text">Message or task text with variables ({member}, {group}, {date}, the group's own).</param>
/// <param name="ContentId">A library item to post instead of text.</param>
/// <param name="TopicId">PostTopic: this topic; else one of <paramref name="TopicKind"/> picked automatically.</param>
/// <param name="Tag">AddTag: the tag to add (member tag for a member SOP, group tag for a group SOP).</param>
public sealed record SopStep(
    Guid Id,
    SopAnchor Anchor,
    SopActionKind Action,
    int OffsetDays = 0,
    int OffsetMinutes = 0,
    TimeOnly? At = null,
    DateOnly? Date = null,
    DayOfWeek? Weekday = null,
    int Repeat = 1,
    string? Text = null,
    Guid? ContentId = null,
    Guid? TopicId = null,
    TopicKind? TopicKind = null,
    string? Tag = null);

public enum SopAnchor
{
    GroupCreated,
    MemberJoined,
    Date,
    Weekly,
}

public enum SopActionKind
{
    /// Post text or a library item to the group.
    PostToGroup,
    /// Message the member privately; a staff task where the platform cannot.
    MessageMember,
    /// Open a staff task with the text.
    StaffTask,
    /// Add a tag to the member (member SOP) or the group (group SOP).
    AddTag,
    /// Post a topic from the topic library as a discussion prompt.
    PostTopic,
}
