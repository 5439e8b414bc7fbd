using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.AutoReplies;

namespace Qunzhu.Storage.Configurations;

internal sealed class AutoReplyRuleConfiguration : IEntityTypeConfiguration<AutoReplyRule>
{
    public void Configure(EntityTypeBuilder<AutoReplyRule> b)
    {
        b.Property(x => x.Keywords).HasJsonConversion();
        b.Property(x => x.Reply).HasMaxLength(2000);
        b.HasIndex(x => x.WorkspaceId);
    }
}
