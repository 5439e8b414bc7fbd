using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Sops;

namespace Qunzhu.Storage.Configurations;

internal sealed class SopConfiguration : IEntityTypeConfiguration<Sop>
{
    public void Configure(EntityTypeBuilder<Sop> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Steps).HasJsonConversion();
        b.Property(x => x.Trigger).HasJsonConversion();
        b.Property(x => x.Scope).HasJsonConversion();
        b.Property(x => x.AutoApplyTypes).HasJsonConversion();
        b.Property(x => x.ExitTags).HasJsonConversion();
        b.Property(x => x.QuietHours).HasJsonConversion();
        b.Property(x => x.BuiltIn).HasMaxLength(64);
        b.HasIndex(x => new { x.WorkspaceId, x.Kind, x.Enabled });
    }
}
