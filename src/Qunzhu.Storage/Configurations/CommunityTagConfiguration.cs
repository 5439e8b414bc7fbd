using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Communities;

namespace Qunzhu.Storage.Configurations;

internal sealed class CommunityTagConfiguration : IEntityTypeConfiguration<CommunityTag>
{
    public void Configure(EntityTypeBuilder<CommunityTag> b)
    {
        b.Property(x => x.Tag).HasMaxLength(50);
        b.HasIndex(x => new { x.CommunityId, x.Tag }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.Tag });
    }
}
