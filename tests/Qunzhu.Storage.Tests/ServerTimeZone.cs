using System.Runtime.CompilerServices;

namespace Qunzhu.Storage.Tests;

/// The storage tests run as on a server in China (the default workspace zone), not in the CI machine's
/// UTC: a local time that leaks into storage is then off by eight hours instead of invisibly right.
internal static class ServerTimeZone
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before anything reads TimeZoneInfo.Local.")]
    internal static void UseShanghai()
    {
        Environment.SetEnvironmentVariable("TZ", "Asia/Shanghai");
        TimeZoneInfo.ClearCachedData();
    }
}
