using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Storage.Configurations;

internal sealed class StaffCommunityConfiguration : IEntityTypeConfiguration<StaffCommunity>
{
    public void Configure(EntityTypeBuilder<StaffCommunity> b)
    {
        b.HasKey(x => new { x.StaffUserId, x.CommunityId });
        b.HasIndex(x => x.CommunityId);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.StaffUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Community>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Cascade);
    }
}
