using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.WeCom;

namespace Qunzhu.Storage.Configurations;

internal sealed class WeComJoinWayConfiguration : IEntityTypeConfiguration<WeComJoinWay>
{
    public void Configure(EntityTypeBuilder<WeComJoinWay> b)
    {
        b.Property(x => x.State).HasMaxLength(30);
        b.Property(x => x.Remark).HasMaxLength(200);
        b.Property(x => x.ConfigId).HasMaxLength(64);
        b.Property(x => x.QrCode).HasMaxLength(1000);
        b.Property(x => x.CommunityIds).HasJsonConversion();
        b.Property(x => x.ChatIds).HasJsonConversion();
        // One code per state: a join carrying the state belongs to exactly one channel.
        b.HasIndex(x => new { x.AccountId, x.State }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
    }
}
