using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.AutoReplies;

namespace Qunzhu.Storage.Configurations;

internal sealed class AutoReplyCooldownConfiguration : IEntityTypeConfiguration<AutoReplyCooldown>
{
    public void Configure(EntityTypeBuilder<AutoReplyCooldown> b) =>
        b.HasIndex(x => new { x.RuleId, x.CommunityId }).IsUnique();
}
