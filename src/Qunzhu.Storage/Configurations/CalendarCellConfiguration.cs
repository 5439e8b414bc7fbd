using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qunzhu.Core.Calendar;

namespace Qunzhu.Storage.Configurations;

internal sealed class CalendarCellConfiguration : IEntityTypeConfiguration<CalendarCell>
{
    public void Configure(EntityTypeBuilder<CalendarCell> b)
    {
        b.Property(x => x.Theme).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(4096);
        // One cell per weekday and time of a matrix: a second PUT edits it.
        b.HasIndex(x => new { x.MatrixId, x.Weekday, x.Time }).IsUnique();
        b.HasIndex(x => x.BroadcastId).IsUnique();
        b.HasOne<CalendarMatrix>().WithMany().HasForeignKey(x => x.MatrixId).OnDelete(DeleteBehavior.Cascade);
    }
}
