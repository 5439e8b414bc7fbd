using Qunzhu.Core.AutoReplies;
using Qunzhu.Core.Templates;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Engine.Caching;

/// A workspace's slowly changing settings, compiled once and shared by all workers.
public sealed record WorkspaceConfig(
    Workspace Workspace,
    TimeZoneInfo Zone,
    IReadOnlyDictionary<Guid, Template> Templates,
    Template? DefaultTemplate,
    AutoReplyMatcher Replies)
{
    /// The settings a group runs with: its template (or the default) with its overrides.
    public TemplateSettings SettingsFor(Guid? templateId, TemplateSettingsOverride? overrides)
    {
        var template = templateId is { } id && Templates.TryGetValue(id, out var t) ? t : DefaultTemplate;
        return (template?.Settings ?? new TemplateSettings()).With(overrides);
    }
}
