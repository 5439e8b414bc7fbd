using System.Text.Json.Serialization;

namespace Qunzhu.Core.Platforms;

public enum PlatformKind
{
    [JsonStringEnumMemberName("sandbox")]
    Sandbox,
    [JsonStringEnumMemberName("telegram")]
    Telegram,
    [JsonStringEnumMemberName("wecom")]
    WeCom,
    [JsonStringEnumMemberName("bridge")]
    Bridge,
}
