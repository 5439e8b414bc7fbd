using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.WeCom;

namespace Qunzhu.Storage.Configurations;

internal sealed class WeComFollowUpConfiguration : IEntityTypeConfiguration<WeComFollowUp>
{
    public void Configure(EntityTypeBuilder<WeComFollowUp> b)
    {
        // One row per inbox event: two nodes (or a restart) cannot both record the work as theirs.
        b.HasKey(x => x.InboxSequence);
        b.Property(x => x.InboxSequence).ValueGeneratedNever();
        b.Property(x => x.Error).HasMaxLength(1000);
        b.HasIndex(x => new { x.DoneAt, x.NextAttemptAt });
    }
}
