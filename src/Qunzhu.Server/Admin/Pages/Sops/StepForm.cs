using System.Globalization;
using Qunzhu.Core.Sops;
using Qunzhu.Core.Topics;
using Qunzhu.Server.Apis;

namespace Qunzhu.Server.Admin.Pages.Sops;

/// One step row of the editor.
public sealed class StepForm
{
    public Guid? Id { get; set; }
    public SopAnchor Anchor { get; set; } = SopAnchor.GroupCreated;
    public SopActionKind Action { get; set; } = SopActionKind.PostToGroup;
    public int OffsetDays { get; set; }
    public int OffsetMinutes { get; set; }
    public string? At { get; set; }
    public string? Date { get; set; }
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;
    public int Repeat { get; set; } = 1;
    public string? Text { get; set; }
    public Guid? ContentId { get; set; }
    public TopicKind TopicKind { get; set; } = TopicKind.Universal;
    public Guid? TopicId { get; set; }
    public string? Tag { get; set; }

    public static StepForm From(SopStep s) => new()
    {
        Id = s.Id,
        Anchor = s.Anchor,
        Action = s.Action,
        OffsetDays = s.OffsetDays,
        OffsetMinutes = s.OffsetMinutes,
        At = s.At?.ToString("HH:mm", CultureInfo.InvariantCulture),
        Date = s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Weekday = s.Weekday ?? DayOfWeek.Monday,
        Repeat = s.Repeat,
        Text = s.Text,
        ContentId = s.ContentId,
        TopicKind = s.TopicKind ?? TopicKind.Universal,
        TopicId = s.TopicId,
        Tag = s.Tag,
    };

    public SopStepRequest ToRequest() => new(Id, Anchor.ToString(), Action.ToString(), OffsetDays, OffsetMinutes, At,
        Anchor == SopAnchor.Date ? Date : null, Anchor == SopAnchor.Weekly ? Weekday.ToString() : null, Repeat,
        Action is SopActionKind.AddTag or SopActionKind.PostTopic || ContentId is not null ? null : Text,
        Action == SopActionKind.PostToGroup ? ContentId : null,
        Action == SopActionKind.PostTopic ? TopicId : null,
        Action == SopActionKind.PostTopic && TopicId is null ? TopicKind.ToString() : null,
        Action == SopActionKind.AddTag ? Tag : null);
}
