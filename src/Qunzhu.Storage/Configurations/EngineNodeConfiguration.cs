using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Pipeline;

namespace Qunzhu.Storage.Configurations;

internal sealed class EngineNodeConfiguration : IEntityTypeConfiguration<EngineNode>
{
    public void Configure(EntityTypeBuilder<EngineNode> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(100);
    }
}
