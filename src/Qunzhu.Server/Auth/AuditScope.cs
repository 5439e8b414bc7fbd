using System.Security.Claims;
using Qunzhu.Core.Workspaces;
using Qunzhu.Storage;

namespace Qunzhu.Server.Auth;

/// <summary>Who is changing things right now. Opened around every write (by <see cref="AccessFilter"/> for the API,
/// by the console's action runner for pages); <see cref="AuditInterceptor"/> writes one audit row per changed entity
/// while a scope is open. Engine workers run without one: the bot's own bookkeeping is not a staff change.</summary>
public sealed class AuditScope : IDisposable
{
    private static readonly AsyncLocal<AuditScope?> Ambient = new();
    private readonly AuditScope? _previous;

    private AuditScope(Guid workspaceId, string actorKind, Guid actorId, string actorName)
    {
        (WorkspaceId, ActorKind, ActorId, ActorName) = (workspaceId, actorKind, actorId, actorName);
        _previous = Ambient.Value;
        Ambient.Value = this;
    }

    public static AuditScope? Current => Ambient.Value;

    public Guid WorkspaceId { get; }
    public string ActorKind { get; }
    public Guid ActorId { get; }
    public string ActorName { get; }
    /// Entity rows written so far; a write that changed rows only by bulk SQL gets one summary row instead.
    public int Written { get; internal set; }

    public static AuditScope Begin(ClaimsPrincipal user)
    {
        var workspaceId = user.WorkspaceIdOf();
        var name = user.FindFirstValue(ClaimTypes.Name) ?? "?";
        if (user.StaffIdOf() is { } staffId) return new AuditScope(workspaceId, "staff", staffId, name);
        var keyId = Guid.TryParse(user.FindFirstValue(QunzhuClaims.ApiKeyId), out var k) ? k : Guid.Empty;
        return new AuditScope(workspaceId, "api-key", keyId, name);
    }

    /// A write done by bulk SQL (ExecuteDelete) passes no tracked entity to the interceptor: record the request itself.
    public async Task RecordSummaryAsync(IAppDbContextFactory dbs, TimeProvider time, string entity, string entityId, string action,
        string detail, CancellationToken ct)
    {
        await using var db = dbs.Create();
        db.AuditLog.Add(new AuditEntry
        {
            WorkspaceId = WorkspaceId,
            At = time.GetUtcNow().UtcDateTime,
            ActorKind = ActorKind,
            ActorId = ActorId,
            ActorName = ActorName,
            Entity = entity,
            EntityId = entityId,
            Action = action,
            Changes = System.Text.Json.JsonSerializer.Serialize(new { request = detail }),
        });
        await db.SaveChangesAsync(ct);
    }

    public void Dispose() => Ambient.Value = _previous;
}
