using System.Text.Json;

namespace Qunzhu.Connectors.Sandbox;

internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
