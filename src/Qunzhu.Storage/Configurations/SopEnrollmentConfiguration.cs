using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Sops;

namespace Qunzhu.Storage.Configurations;

internal sealed class SopEnrollmentConfiguration : IEntityTypeConfiguration<SopEnrollment>
{
    public void Configure(EntityTypeBuilder<SopEnrollment> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.ExitReason).HasMaxLength(500);
        b.HasIndex(x => new { x.WorkspaceId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.SopId, x.Status });
        b.HasIndex(x => new { x.CommunityId, x.MemberId, x.Status });
    }
}
