using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Moderation;

namespace Qunzhu.Storage.Configurations;

internal sealed class BlacklistEntryConfiguration : IEntityTypeConfiguration<BlacklistEntry>
{
    public void Configure(EntityTypeBuilder<BlacklistEntry> b)
    {
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.Source).HasMaxLength(16);
        b.HasIndex(x => new { x.WorkspaceId, x.MemberId }).IsUnique();
    }
}
