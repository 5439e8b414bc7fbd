using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Sandbox;

namespace Qunzhu.Storage.Configurations;

internal sealed class SandboxLineConfiguration : IEntityTypeConfiguration<SandboxLine>
{
    public void Configure(EntityTypeBuilder<SandboxLine> b)
    {
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Text).HasMaxLength(4096);
        b.Property(x => x.TargetUserId).HasMaxLength(128);
        b.Property(x => x.TargetMessageId).HasMaxLength(128);
        b.Property(x => x.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.HasIndex(x => new { x.CommunityId, x.Id });
    }
}
