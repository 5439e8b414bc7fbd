using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.WeCom;

namespace Qunzhu.Storage.Configurations;

internal sealed class WeComGroupMemberConfiguration : IEntityTypeConfiguration<WeComGroupMember>
{
    public void Configure(EntityTypeBuilder<WeComGroupMember> b)
    {
        b.Property(x => x.ChatId).HasMaxLength(128);
        b.Property(x => x.UserId).HasMaxLength(128);
        b.Property(x => x.State).HasMaxLength(30);
        b.HasIndex(x => new { x.AccountId, x.ChatId, x.UserId }).IsUnique();
    }
}
