using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Storage.Configurations;

internal sealed class PlatformAccountConfiguration : IEntityTypeConfiguration<PlatformAccount>
{
    public void Configure(EntityTypeBuilder<PlatformAccount> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        // Rows from before settings existed read as an empty object.
        b.Property(x => x.Settings).HasJsonConversion().HasMaxLength(8000).HasDefaultValueSql("'{}'");
        b.Property(x => x.ProtectedSecrets).HasMaxLength(8000);
        b.HasIndex(x => new { x.WorkspaceId, x.Platform });
    }
}
