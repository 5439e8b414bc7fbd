using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Qunzhu.Core.AutoReplies;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Sandbox;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Server.Auth;

/// <summary>Adds an <see cref="AuditEntry"/> for every entity a staff member or API key creates, changes or deletes,
/// in the same SaveChanges (so the same transaction). Secrets are never copied; pipeline rows are not audited.</summary>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    private const int MaxChangesLength = 8000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Readable Chinese in the log; the console HTML-encodes it when showing it.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
    private static readonly HashSet<Type> NotAudited =
    [
        typeof(AuditEntry), typeof(InboxEvent), typeof(SandboxLine), typeof(MessageRecord), typeof(AutoReplyCooldown),
        typeof(PartitionLease), typeof(EngineNode), typeof(OutboundAction), typeof(ScheduledJob),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Record(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Record(db);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext db)
    {
        if (AuditScope.Current is not { } scope) return;
        var now = time.GetUtcNow().UtcDateTime;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !NotAudited.Contains(e.Entity.GetType()))
            .Select(e => Describe(e, scope, now)).Where(a => a is not null).ToList();
        foreach (var entry in entries) db.Add(entry!);
        scope.Written += entries.Count;
    }

    private static AuditEntry? Describe(EntityEntry e, AuditScope scope, DateTime now)
    {
        var changed = e.Properties
            .Where(p => !p.Metadata.IsPrimaryKey() && !IsSecret(p.Metadata.Name) && (e.State == EntityState.Added || p.IsModified))
            .ToDictionary(p => p.Metadata.Name, p => p.CurrentValue);
        if (e.State == EntityState.Modified && changed.Count == 0) return null;
        var key = e.Metadata.FindPrimaryKey()?.Properties.Select(p => e.Property(p.Name)).ToList() ?? [];
        var id = key.Any(p => p.IsTemporary) ? "new" : string.Join("/", key.Select(p => p.CurrentValue));
        var changes = e.State == EntityState.Deleted ? null : JsonSerializer.Serialize(changed, Json);
        if (changes is { Length: > MaxChangesLength }) changes = changes[..(MaxChangesLength - 1)] + "…";
        return new AuditEntry
        {
            WorkspaceId = scope.WorkspaceId,
            At = now,
            ActorKind = scope.ActorKind,
            ActorId = scope.ActorId,
            ActorName = scope.ActorName,
            Entity = e.Metadata.ClrType.Name,
            EntityId = id.Length > 100 ? id[..100] : id,
            Action = e.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" },
            Changes = changes,
        };
    }

    private static bool IsSecret(string property) =>
        property is "PasswordHash" or "Hash" or "SecurityStamp"
        || property.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Token", StringComparison.OrdinalIgnoreCase);
}
