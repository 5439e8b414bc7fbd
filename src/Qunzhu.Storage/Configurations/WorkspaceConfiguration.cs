using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Workspaces;

namespace Qunzhu.Storage.Configurations;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
        b.Property(x => x.Locale).HasMaxLength(16);
    }
}
