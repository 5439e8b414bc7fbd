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
        b.Property(x => x.PlatformEventId).HasMaxLength(InboxEvent.MaxIdLength);
        b.Property(x => x.ChatId).HasMaxLength(InboxEvent.MaxIdLength);
        b.Property(x => x.Error).HasMaxLength(2000);
        // A node that lost its lease cannot also mark an event processed: the update sees another status.
        b.Property(x => x.Status).IsConcurrencyToken();
        // A replayed webhook hits this index and changes nothing.
        b.HasIndex(x => new { x.AccountId, x.PlatformEventId }).IsUnique();
        // The engine's queue: only pending events are in it, so an event leaves it when processed instead of moving
        // to a "processed" range of an index that grows forever (fewer index pages written per event). In arrival
        // order, so an ingestion commit appends to its last page and a loop takes a contiguous run of the inbox (whose
        // table pages it then rewrites once); the partition is in the index, so a loop owning some partitions skips
        // the others' events without reading their rows.
        b.HasIndex(x => new { x.Sequence, x.Partition }).HasDatabaseName("IX_Inbox_Pending_Sequence_Partition").HasFilter("\"Status\" = 'Pending'");
        // A chat's history (the sandbox transcript): settled events only. An event enters it when the engine settles it,
        // in the engine's large batch, where the events of one chat share an index page; entering at ingestion cost one
        // page per event, because a small ingestion commit rarely holds two events of one chat. Pending events of a
        // chat are found through the queue index of the chat's partition.
        b.HasIndex(x => new { x.AccountId, x.ChatId, x.Sequence }).HasDatabaseName("IX_Inbox_Settled_AccountId_ChatId_Sequence")
            .HasFilter("\"Status\" <> 'Pending'");
    }
}
