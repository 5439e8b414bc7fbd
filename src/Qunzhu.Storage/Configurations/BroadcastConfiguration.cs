using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Broadcasts;

namespace Qunzhu.Storage.Configurations;

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4096);
        b.Property(x => x.Targets).HasJsonConversion();
        b.Property(x => x.QuietHours).HasJsonConversion();
        b.Property(x => x.Cron).HasMaxLength(100);
        b.Property(x => x.Origin).HasMaxLength(200);
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
        b.HasIndex(x => new { x.WorkspaceId, x.Origin });
    }
}
