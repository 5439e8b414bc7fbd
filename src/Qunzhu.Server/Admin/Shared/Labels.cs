using Microsoft.Extensions.Localization;
using Qunzhu.Core.Communities;
using Qunzhu.Server.Admin.Text;

namespace Qunzhu.Server.Admin.Shared;

/// Localized names for enum values the pages show.
public static class Labels
{
    public static string Of(this IStringLocalizer<ConsoleText> l, CommunityType type) => l["Type_" + type];

    /// The name the API accepts for a type (Names lists them in enum order).
    public static string ApiName(this CommunityType type) => Apis.CommunityTypes.Names.ElementAt((int)type);

    public static string Local(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Local(this DateTime? utc) => utc is { } u ? u.Local() : "—";

    // The console shows times in China time, like the default workspace zone.
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
}
