using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.WeCom;

namespace Qunzhu.Storage.Configurations;

internal sealed class WeComGroupMessageConfiguration : IEntityTypeConfiguration<WeComGroupMessage>
{
    public void Configure(EntityTypeBuilder<WeComGroupMessage> b)
    {
        b.Property(x => x.Sender).HasMaxLength(64);
        b.Property(x => x.MsgId).HasMaxLength(128);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.CommunityIds).HasJsonConversion();
        b.Property(x => x.ChatIds).HasJsonConversion();
        b.Property(x => x.Results).HasJsonConversion();
        b.Property(x => x.Refused).HasJsonConversion();
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => new { x.AccountId, x.MsgId, x.Sender }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
    }
}
