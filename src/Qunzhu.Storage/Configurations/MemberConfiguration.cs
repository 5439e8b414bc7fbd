using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Communities;

namespace Qunzhu.Storage.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(100);
        b.HasIndex(x => new { x.WorkspaceId, x.DisplayName });
    }
}
