using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Polls;

namespace Qunzhu.Storage.Configurations;

internal sealed class PollAnswerConfiguration : IEntityTypeConfiguration<PollAnswer>
{
    public void Configure(EntityTypeBuilder<PollAnswer> b)
    {
        b.Property(x => x.PollId).HasMaxLength(64);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.Property(x => x.EventId).HasMaxLength(128);
        b.Property(x => x.OptionIds).HasJsonConversion();
        // One current answer per person and poll.
        b.HasIndex(x => new { x.AccountId, x.PollId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.WorkspaceId, x.AnsweredAt });
    }
}
