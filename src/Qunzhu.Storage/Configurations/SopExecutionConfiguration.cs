using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Sops;

namespace Qunzhu.Storage.Configurations;

internal sealed class SopExecutionConfiguration : IEntityTypeConfiguration<SopExecution>
{
    public void Configure(EntityTypeBuilder<SopExecution> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasIndex(x => x.Key).IsUnique();
        // One row per step, week and target, however often an enrollment is retried.
        b.HasIndex(x => new { x.EnrollmentId, x.StepId, x.Occurrence }).IsUnique();
        b.HasIndex(x => new { x.SopId, x.DueAt });
        b.HasIndex(x => new { x.EnrollmentId, x.Status });
    }
}
