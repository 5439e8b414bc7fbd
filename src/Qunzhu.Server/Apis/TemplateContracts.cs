using Qunzhu.Core.Templates;

namespace Qunzhu.Server.Apis;

public sealed record TemplateResponse(Guid Id, string Name, bool IsDefault, TemplateSettings Settings, int Communities, DateTime CreatedAt, DateTime UpdatedAt);

/// <param name="Settings">Omitted: the built-in defaults.</param>
public sealed record CreateTemplateRequest(string? Name, TemplateSettings? Settings, bool? IsDefault);

public sealed record UpdateTemplateRequest(string? Name, TemplateSettings? Settings);

public sealed record ApplyTemplateRequest(IReadOnlyList<Guid>? CommunityIds);

public sealed record ApplyTemplateResponse(int Applied);
