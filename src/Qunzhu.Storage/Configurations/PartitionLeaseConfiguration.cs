using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Pipeline;

namespace Qunzhu.Storage.Configurations;

internal sealed class PartitionLeaseConfiguration : IEntityTypeConfiguration<PartitionLease>
{
    public void Configure(EntityTypeBuilder<PartitionLease> b)
    {
        b.HasKey(x => x.Partition);
        b.Property(x => x.Partition).ValueGeneratedNever();
        b.Property(x => x.Owner).HasMaxLength(100);
    }
}
