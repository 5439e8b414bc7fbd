using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Broadcasts;

namespace Qunzhu.Storage.Configurations;

internal sealed class BroadcastRunConfiguration : IEntityTypeConfiguration<BroadcastRun>
{
    public void Configure(EntityTypeBuilder<BroadcastRun> b)
    {
        b.Property(x => x.Error).HasMaxLength(2000);
        // One run per occurrence: a re-run occurrence job finds the run it already made.
        b.HasIndex(x => new { x.BroadcastId, x.Occurrence }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.State });
    }
}
