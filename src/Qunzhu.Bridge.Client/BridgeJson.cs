using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qunzhu.Bridge.Client;

/// <summary>camelCase names, nulls left out: the JSON the protocol documents.</summary>
public static class BridgeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
