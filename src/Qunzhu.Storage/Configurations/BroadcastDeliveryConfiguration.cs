using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Broadcasts;

namespace Qunzhu.Storage.Configurations;

internal sealed class BroadcastDeliveryConfiguration : IEntityTypeConfiguration<BroadcastDelivery>
{
    public void Configure(EntityTypeBuilder<BroadcastDelivery> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Error).HasMaxLength(2000);
        // Exactly one row per target per run, however often planning is resumed.
        b.HasIndex(x => new { x.RunId, x.CommunityId }).IsUnique();
        b.HasIndex(x => new { x.RunId, x.State, x.Id });
        b.HasIndex(x => x.Key).IsUnique();
    }
}
