using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Topics;

namespace Qunzhu.Storage.Configurations;

internal sealed class TopicUseConfiguration : IEntityTypeConfiguration<TopicUse>
{
    public void Configure(EntityTypeBuilder<TopicUse> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.HasIndex(x => new { x.WorkspaceId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.CommunityId, x.At });
        b.HasIndex(x => new { x.TopicId, x.At });
    }
}
