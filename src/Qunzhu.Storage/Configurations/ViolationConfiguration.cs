using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Moderation;

namespace Qunzhu.Storage.Configurations;

internal sealed class ViolationConfiguration : IEntityTypeConfiguration<Violation>
{
    public void Configure(EntityTypeBuilder<Violation> b)
    {
        b.Property(x => x.Detail).HasMaxLength(200);
        b.Property(x => x.ExternalMessageId).HasMaxLength(128);
        b.HasIndex(x => new { x.WorkspaceId, x.MemberId, x.At });
        b.HasIndex(x => new { x.CommunityId, x.At });
    }
}
