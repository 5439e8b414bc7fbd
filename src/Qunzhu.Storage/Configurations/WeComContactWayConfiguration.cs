using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.WeCom;

namespace Qunzhu.Storage.Configurations;

internal sealed class WeComContactWayConfiguration : IEntityTypeConfiguration<WeComContactWay>
{
    public void Configure(EntityTypeBuilder<WeComContactWay> b)
    {
        b.Property(x => x.State).HasMaxLength(30);
        b.Property(x => x.Remark).HasMaxLength(200);
        b.Property(x => x.ConfigId).HasMaxLength(64);
        b.Property(x => x.QrCode).HasMaxLength(1000);
        b.Property(x => x.UserIds).HasJsonConversion();
        // One code per state: a customer carrying the state belongs to exactly one channel.
        b.HasIndex(x => new { x.AccountId, x.State }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
    }
}
