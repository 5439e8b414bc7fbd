using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Moderation;

namespace Qunzhu.Storage.Configurations;

internal sealed class SensitiveWordConfiguration : IEntityTypeConfiguration<SensitiveWord>
{
    public void Configure(EntityTypeBuilder<SensitiveWord> b)
    {
        b.Property(x => x.Word).HasMaxLength(100);
        b.HasIndex(x => new { x.WorkspaceId, x.Word }).IsUnique();
    }
}
