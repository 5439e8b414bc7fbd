using System.Text.Json.Serialization;

namespace Qunzhu.Core.Content;

/// What a content item is; platforms declare which kinds they can send.
public enum ContentKind
{
    [JsonStringEnumMemberName("text")]
    Text,
    [JsonStringEnumMemberName("image")]
    Image,
    [JsonStringEnumMemberName("voice")]
    Voice,
    [JsonStringEnumMemberName("video")]
    Video,
    [JsonStringEnumMemberName("file")]
    File,
    [JsonStringEnumMemberName("link")]
    Link,
    /// A WeCom mini-program card (小程序卡片): app id, page path, title and cover.
    [JsonStringEnumMemberName("card")]
    Card,
}
