using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Pipeline;

namespace Qunzhu.Storage.Configurations;

internal sealed class InboxEventConfiguration : IEntityTypeConfiguration<InboxEvent>
{
    public void Configure(EntityTypeBuilder<InboxEvent> b)
    {
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedOnAdd();
        b.Property(x => x.PlatformEventId).HasMaxLength(128);
        b.Property(x => x.ChatId).HasMaxLength(128);
        b.Property(x => x.Error).HasMaxLength(2000);
        // A node that lost its lease cannot also mark an event processed: the update sees another status.
        b.Property(x => x.Status).IsConcurrencyToken();
        // A replayed webhook hits this index and changes nothing.
        b.HasIndex(x => new { x.AccountId, x.PlatformEventId }).IsUnique();
        // The engine's queue: only pending events are in it, so an event leaves it when processed instead of moving
        // to a "processed" range of an index that grows forever (fewer index pages written per event).
        b.HasIndex(x => new { x.Partition, x.Sequence }).HasDatabaseName("IX_Inbox_Pending_Partition_Sequence").HasFilter("\"Status\" = 'Pending'");
        b.HasIndex(x => new { x.AccountId, x.ChatId, x.Sequence });
    }
}
