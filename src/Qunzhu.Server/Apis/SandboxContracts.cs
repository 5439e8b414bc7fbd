using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Server.Apis;

/// <param name="Capabilities">Optional: make the group behave like a platform that cannot do everything
/// (e.g. removesMembers=false, as on WeCom) to see how features degrade.</param>
public sealed record CreateSandboxGroupRequest(string? Name, string? Type, Guid? TemplateId, PlatformCapabilities? Capabilities);

public sealed record SandboxGroupResponse(Guid Id, string Name, CommunityType Type, Guid? TemplateId, DateTime CreatedAt);

/// <param name="EventId">Optional; a repeated id has no further effect.</param>
/// <param name="Kind">join, leave, message, or joinRequest (asks to join; the bot approves or declines).</param>
public sealed record SandboxEventRequest(string? EventId, string? Kind, string? MemberId, string? MemberName, string? Text, string? InviteCode);

/// <param name="Duplicate">True when this event id was already accepted: nothing new happens.</param>
public sealed record SandboxEventAccepted(string EventId, bool Duplicate);
