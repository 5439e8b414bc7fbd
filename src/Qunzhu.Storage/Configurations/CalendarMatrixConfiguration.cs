using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Calendar;

namespace Qunzhu.Storage.Configurations;

internal sealed class CalendarMatrixConfiguration : IEntityTypeConfiguration<CalendarMatrix>
{
    public void Configure(EntityTypeBuilder<CalendarMatrix> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Slots).HasJsonConversion();
        b.Property(x => x.QuietHours).HasJsonConversion();
        b.HasIndex(x => new { x.WorkspaceId, x.CreatedAt });
    }
}
