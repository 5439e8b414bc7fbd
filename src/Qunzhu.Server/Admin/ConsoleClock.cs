using System.Globalization;

namespace Qunzhu.Server.Admin;

/// <summary>Shows stored UTC times in the workspace's time zone (Asia/Shanghai unless the workspace sets another), in one
/// format everywhere: "yyyy-MM-dd HH:mm". The layout loads the zone once per circuit before any page renders.</summary>
public sealed class ConsoleClock
{
    public const string Format = "yyyy-MM-dd HH:mm";
    public const string DefaultZone = "Asia/Shanghai";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);

    public bool Loaded { get; private set; }

    public void Use(TimeZoneInfo zone)
    {
        Zone = zone;
        Loaded = true;
    }

    public string Show(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString(Format, CultureInfo.InvariantCulture);

    public string Show(DateTime? utc) => utc is { } u ? Show(u) : "—";
}
