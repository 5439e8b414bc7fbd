using System.Globalization;

namespace Qunzhu.Core.Calendar;

/// <summary>One cell of a theme matrix: on this weekday at this time, this theme with this content (a library
/// item or text of its own). It goes out as the broadcast <see cref="BroadcastId"/> (cron in the workspace's time zone).</summary>
public sealed class CalendarCell
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public Guid MatrixId { get; set; }
    public DayOfWeek Weekday { get; set; }
    public TimeOnly Time { get; set; }
    public required string Theme { get; set; }
    public Guid? ContentId { get; set; }
    public string? Text { get; set; }
    public Guid BroadcastId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// The cron of a weekday and local time: "30 7 * * 1" is Mondays at 07:30.
    public static string CronFor(DayOfWeek weekday, TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Minute} {time.Hour} * * {(int)weekday}");

    public static string OriginFor(Guid cellId) => $"calendar:{cellId:N}";
}
