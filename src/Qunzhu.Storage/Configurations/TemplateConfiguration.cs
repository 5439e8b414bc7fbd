using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Templates;

namespace Qunzhu.Storage.Configurations;

internal sealed class TemplateConfiguration : IEntityTypeConfiguration<Template>
{
    public void Configure(EntityTypeBuilder<Template> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Settings).HasJsonConversion();
        b.HasIndex(x => new { x.WorkspaceId, x.Name }).IsUnique();
    }
}
