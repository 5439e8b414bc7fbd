using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Communities;

namespace Qunzhu.Storage.Configurations;

internal sealed class InviteLinkConfiguration : IEntityTypeConfiguration<InviteLink>
{
    public void Configure(EntityTypeBuilder<InviteLink> b)
    {
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Url).HasMaxLength(512);
        b.HasIndex(x => new { x.CommunityId, x.Name }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
    }
}
