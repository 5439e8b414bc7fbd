using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Communities;

namespace Qunzhu.Storage.Configurations;

internal sealed class MemberIdentityConfiguration : IEntityTypeConfiguration<MemberIdentity>
{
    public void Configure(EntityTypeBuilder<MemberIdentity> b)
    {
        b.Property(x => x.ExternalUserId).HasMaxLength(128);
        b.HasIndex(x => new { x.AccountId, x.ExternalUserId }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.MemberId });
    }
}
