namespace Qunzhu.Core.Broadcasts;

/// Wall-clock times of a time zone, DST gaps and overlaps included.
public static class LocalTime
{
    /// <summary>The UTC instant of a local wall-clock time. A time skipped by a DST change (02:30 on a
    /// spring-forward night) becomes the first valid time after it; a repeated one takes its first occurrence.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 180) local = local.AddMinutes(1);
        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
