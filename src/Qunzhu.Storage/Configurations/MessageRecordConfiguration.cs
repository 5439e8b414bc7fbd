using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Communities;

namespace Qunzhu.Storage.Configurations;

internal sealed class MessageRecordConfiguration : IEntityTypeConfiguration<MessageRecord>
{
    public void Configure(EntityTypeBuilder<MessageRecord> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.ExternalMessageId).HasMaxLength(128);
        b.Property(x => x.Violation).HasMaxLength(32);
        b.HasIndex(x => new { x.CommunityId, x.At });
        b.HasIndex(x => new { x.WorkspaceId, x.MemberId, x.At });
    }
}
