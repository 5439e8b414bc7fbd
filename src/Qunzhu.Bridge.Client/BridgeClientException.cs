using System.Net;

namespace Qunzhu.Bridge.Client;

/// <summary>Qunzhu refused a request; <see cref="Body"/> is its problem details JSON, which names what to fix.</summary>
public sealed class BridgeClientException(HttpStatusCode statusCode, string body)
    : Exception($"Qunzhu answered {(int)statusCode}: {body}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string Body { get; } = body;
}
