using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Points;

namespace Qunzhu.Storage.Configurations;

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(64);
        b.HasIndex(x => new { x.WorkspaceId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.MemberId });
    }
}
