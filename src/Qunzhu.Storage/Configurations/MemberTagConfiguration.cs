using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Communities;

namespace Qunzhu.Storage.Configurations;

internal sealed class MemberTagConfiguration : IEntityTypeConfiguration<MemberTag>
{
    public void Configure(EntityTypeBuilder<MemberTag> b)
    {
        b.Property(x => x.Tag).HasMaxLength(50);
        b.HasIndex(x => new { x.MemberId, x.Tag }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.Tag });
    }
}
