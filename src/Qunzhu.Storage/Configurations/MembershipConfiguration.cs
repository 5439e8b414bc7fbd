using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Communities;

namespace Qunzhu.Storage.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Ignore(x => x.IsActive);
        b.Property(x => x.InviteCode).HasMaxLength(64);
        b.HasIndex(x => new { x.CommunityId, x.MemberId }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.MemberId });
    }
}
