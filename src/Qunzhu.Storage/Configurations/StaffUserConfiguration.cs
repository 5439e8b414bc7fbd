using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Storage.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.PasswordHash).HasMaxLength(512);
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.Property(x => x.Locale).HasMaxLength(16);
        b.HasIndex(x => x.Email).IsUnique();
        b.HasIndex(x => x.WorkspaceId);
    }
}
