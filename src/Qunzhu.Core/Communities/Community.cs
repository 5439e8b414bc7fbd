using Qunzhu.Core.Platforms;
using Qunzhu.Core.Templates;

namespace Qunzhu.Core.Communities;

/// A chat group on a platform.
public sealed class Community
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid AccountId { get; set; }
    public PlatformKind Platform { get; set; }
    /// The platform's chat id (sandbox: the community id as text).
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    public CommunityType Type { get; set; } = CommunityType.Exchange;
    public Guid? TemplateId { get; set; }
    /// Settings that differ from the template for this group only.
    public TemplateSettingsOverride? Overrides { get; set; }
    /// Capabilities of this chat when they differ from the platform's defaults (e.g. the bot is not admin).
    public PlatformCapabilities? Capabilities { get; set; }
    /// Custom values for content variables in this group, e.g. {"teacher":"李老师"} fills {teacher}.
    public Dictionary<string, string>? Variables { get; set; }
    public DateTime CreatedAt { get; set; }
}
