using System.Text.Json;

namespace Qunzhu.Bridge.Client;

/// <summary>For a pushing bridge: checks that a POST to its callbackUrl really comes from Qunzhu and
/// reads the envelope. Answer 401 when <see cref="BridgeReceipt.Error"/> is set, else perform the action
/// (once per <see cref="BridgeAction.IdempotencyKey"/>) and answer 2xx, 429 with Retry-After, 4xx or 5xx.</summary>
public sealed class BridgeActionReceiver(string sharedSecret, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public BridgeReceipt Receive(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        var error = BridgeSignature.Verify(sharedSecret, timestampHeader, signatureHeader, body, _time.GetUtcNow());
        if (error is not null) return new BridgeReceipt(null, error);
        try
        {
            var envelope = JsonSerializer.Deserialize<BridgeEnvelope>(body, BridgeJson.Options);
            return envelope is null ? new BridgeReceipt(null, "The body is empty.") : new BridgeReceipt(envelope, null);
        }
        catch (JsonException ex)
        {
            return new BridgeReceipt(null, "The body is not a Bridge envelope: " + ex.Message);
        }
    }
}

/// <summary>A verified envelope, or why the request was refused.</summary>
public sealed record BridgeReceipt(BridgeEnvelope? Envelope, string? Error)
{
    public bool IsValid => Error is null;
}
