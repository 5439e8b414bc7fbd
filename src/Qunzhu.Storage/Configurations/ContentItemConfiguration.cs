using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Content;

namespace Qunzhu.Storage.Configurations;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4096);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.Url).HasMaxLength(2048);
        b.Property(x => x.CardAppId).HasMaxLength(64);
        b.Property(x => x.CardPagePath).HasMaxLength(512);
        b.HasIndex(x => new { x.WorkspaceId, x.Kind, x.CreatedAt });
    }
}
