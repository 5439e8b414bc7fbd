using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Communities;

namespace Qunzhu.Storage.Configurations;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(128);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Overrides).HasJsonConversion();
        b.Property(x => x.Capabilities).HasJsonConversion();
        b.Property(x => x.Variables).HasJsonConversion();
        b.HasIndex(x => new { x.AccountId, x.ExternalId }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
    }
}
