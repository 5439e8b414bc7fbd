namespace Qunzhu.Core.Broadcasts;

/// <summary>Local hours in which nothing is sent, e.g. 22:00–08:00 (may span midnight). A send due inside
/// them waits until they end.</summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly time) => From < To
        ? time >= From && time < To
        : time >= From || time < To;

    /// <summary>The first instant at or after <paramref name="utc"/> outside quiet hours in <paramref name="zone"/>.</summary>
    public DateTime NextAllowed(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var time = TimeOnly.FromDateTime(local);
        if (!Contains(time)) return utc;
        var endDate = From > To && time >= From ? local.Date.AddDays(1) : local.Date;
        return LocalTime.ToUtc(endDate + To.ToTimeSpan(), zone);
    }
}
