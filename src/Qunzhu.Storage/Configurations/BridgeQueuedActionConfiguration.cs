using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Bridge;

namespace Qunzhu.Storage.Configurations;

internal sealed class BridgeQueuedActionConfiguration : IEntityTypeConfiguration<BridgeQueuedAction>
{
    public void Configure(EntityTypeBuilder<BridgeQueuedAction> b)
    {
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.IdempotencyKey).HasMaxLength(200);
        b.Property(x => x.ChatId).HasMaxLength(128);
        b.Property(x => x.Error).HasMaxLength(2000);
        // Two results for one action at once: the second sees the first's status change and settles nothing.
        b.Property(x => x.Status).IsConcurrencyToken();
        // A redelivery of the same outbox row after a crash queues nothing twice.
        b.HasIndex(x => new { x.AccountId, x.OutboxId }).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.Status, x.Id });
    }
}
