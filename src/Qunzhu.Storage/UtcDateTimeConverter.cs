using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Qunzhu.Storage;

/// Every DateTime is UTC; values read back are marked so, on both providers. A Local value (what
/// System.Text.Json makes of "…+08:00") is converted, not relabelled: relabelling would shift it by the
/// server's UTC offset. Unspecified values are taken as UTC.
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => ToUtc(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    internal static DateTime ToUtc(DateTime v) => v.Kind switch
    {
        DateTimeKind.Utc => v,
        DateTimeKind.Local => v.ToUniversalTime(),
        _ => DateTime.SpecifyKind(v, DateTimeKind.Utc),
    };
}

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : UtcDateTimeConverter.ToUtc(v.Value),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
