using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Storage.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.Property(x => x.ActorKind).HasMaxLength(16);
        b.Property(x => x.ActorName).HasMaxLength(256);
        b.Property(x => x.Entity).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(16);
        b.Property(x => x.Changes).HasMaxLength(8000);
        b.HasIndex(x => new { x.WorkspaceId, x.At });
    }
}
