using Qunzhu.Core.Workspaces;

namespace Qunzhu.Server.Auth;

public sealed record StaffResponse(Guid Id, string Email, StaffRole Role, DateTime CreatedAt, bool Disabled, bool LockedOut,
    IReadOnlyList<Guid> CommunityIds);

public sealed record CreateStaffRequest(string? Email, StaffRole? Role, string? Password);

public sealed record UpdateStaffRequest(StaffRole? Role, bool? Disabled);

public sealed record AssignCommunitiesRequest(IReadOnlyList<Guid>? CommunityIds);

public sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, StaffRole Role, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

public sealed record CreateApiKeyRequest(string? Name, StaffRole? Role);

/// The secret is in this response only: it is stored as a hash.
public sealed record CreatedApiKeyResponse(Guid Id, string Name, string Prefix, StaffRole Role, string Key);

public sealed record AuditEntryResponse(long Id, DateTime At, string ActorKind, Guid ActorId, string ActorName, string Entity,
    string EntityId, string Action, string? Changes);
