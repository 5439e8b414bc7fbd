using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Moderation;

namespace Qunzhu.Storage.Configurations;

internal sealed class ModerationPolicyConfiguration : IEntityTypeConfiguration<ModerationPolicy>
{
    public void Configure(EntityTypeBuilder<ModerationPolicy> b)
    {
        b.HasKey(x => x.WorkspaceId);
        b.Property(x => x.AllowedDomains).HasJsonConversion();
    }
}
