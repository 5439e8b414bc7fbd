using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Pipeline;

namespace Qunzhu.Storage.Configurations;

internal sealed class OutboundActionConfiguration : IEntityTypeConfiguration<OutboundAction>
{
    public void Configure(EntityTypeBuilder<OutboundAction> b)
    {
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.ChatId).HasMaxLength(128);
        b.Property(x => x.IdempotencyKey).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4096);
        b.Property(x => x.Attachment).HasJsonConversion();
        b.Property(x => x.TargetUserId).HasMaxLength(128);
        b.Property(x => x.TargetMessageId).HasMaxLength(128);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        // Delivery's queue and its "earlier action of this chat still waiting" check: pending actions only (see the inbox).
        b.HasIndex(x => new { x.Partition, x.NextAttemptAt }).HasDatabaseName("IX_Outbox_Pending_Partition_NextAttemptAt").HasFilter("\"Status\" = 'Pending'");
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
        b.HasIndex(x => new { x.AccountId, x.ChatId, x.Id }).HasDatabaseName("IX_Outbox_Pending_AccountId_ChatId_Id").HasFilter("\"Status\" = 'Pending'");
    }
}
