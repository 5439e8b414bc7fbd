using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.CheckIns;

namespace Qunzhu.Storage.Configurations;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.HasIndex(x => new { x.CommunityId, x.MemberId, x.LocalDate }).IsUnique();
        b.HasIndex(x => new { x.CommunityId, x.LocalDate, x.Rank });
        b.HasIndex(x => x.WorkspaceId);
    }
}
