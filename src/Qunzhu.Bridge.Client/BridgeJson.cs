using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qunzhu.Bridge.Client;

/// <summary>camelCase names, nulls left out, Chinese as UTF-8 rather than \u escapes: the JSON the protocol documents.
/// (Relaxed escaping is safe here: these bodies are JSON between programs, never embedded in HTML.)</summary>
public static class BridgeJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
