namespace Qunzhu.Bridge.Client;

/// <summary>Constants of the Qunzhu Bridge protocol, version 1 (docs/bridge-protocol.md).</summary>
public static class BridgeProtocol
{
    /// <summary>The protocol version this library speaks; sent as "version" in every body.</summary>
    public const int Version = 1;

    /// <summary>Unix time in seconds at which the request was signed.</summary>
    public const string TimestampHeader = "X-Qunzhu-Timestamp";

    /// <summary>"sha256=" + lowercase hex HMAC-SHA256 of timestamp + "." + content.</summary>
    public const string SignatureHeader = "X-Qunzhu-Signature";

    /// <summary>Requests signed further from the receiver's clock than this are refused (replay protection).</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    /// <summary>Largest request body Qunzhu accepts on the webhook.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Most events in one POST.</summary>
    public const int MaxEventsPerBatch = 100;

    /// <summary>Shortest shared secret Qunzhu accepts.</summary>
    public const int MinSecretLength = 32;

    /// <summary>The webhook path of a bridge account, relative to the Qunzhu server.</summary>
    public static string WebhookPath(Guid accountId) => $"/webhooks/bridge/{accountId}";

    /// <summary>Where a pulling bridge asks for actions.</summary>
    public static string ActionsPath(Guid accountId) => $"{WebhookPath(accountId)}/actions";

    /// <summary>Where a pulling bridge reports how an action went.</summary>
    public static string ResultPath(Guid accountId, string actionId) => $"{ActionsPath(accountId)}/{Uri.EscapeDataString(actionId)}/result";
}
