using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.WeCom;

namespace Qunzhu.Storage.Configurations;

internal sealed class WeComContactConfiguration : IEntityTypeConfiguration<WeComContact>
{
    public void Configure(EntityTypeBuilder<WeComContact> b)
    {
        b.Property(x => x.ExternalUserId).HasMaxLength(64);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.State).HasMaxLength(30);
        b.Property(x => x.RemovedBy).HasMaxLength(16);
        b.Property(x => x.TagIds).HasJsonConversion();
        // WeCom keeps a customer once per staff member who added them.
        b.HasIndex(x => new { x.AccountId, x.ExternalUserId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.State });
    }
}
