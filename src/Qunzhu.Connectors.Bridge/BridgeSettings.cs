using Qunzhu.Bridge.Client;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Connectors.Bridge;

/// <summary>A bridge account's settings, read and checked.</summary>
public sealed record BridgeSettings(string SharedSecret, Uri? CallbackUrl, BridgeDeliveryMode Mode, PlatformCapabilities Capabilities)
{
    public const string SharedSecretField = "sharedSecret";
    public const string CallbackUrlField = "callbackUrl";
    public const string DeliveryModeField = "deliveryMode";
    public const string CapabilitiesField = "capabilities";

    /// <summary>The settings, or what is wrong with them (naming the field).</summary>
    public static (BridgeSettings? Settings, string? Error) Parse(AccountSettings settings)
    {
        var secret = settings.Get(SharedSecretField);
        if (secret is null || secret.Length < BridgeProtocol.MinSecretLength)
            return (null, $"{SharedSecretField}: give a random secret of at least {BridgeProtocol.MinSecretLength} characters (e.g. `openssl rand -hex 32`).");

        Uri? callback = null;
        if (settings.Get(CallbackUrlField) is { } url
            && (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out callback) || callback.Scheme is not ("http" or "https")))
            return (null, $"{CallbackUrlField}: '{url}' is not an absolute http(s) URL.");

        BridgeDeliveryMode mode;
        switch (settings.Get(DeliveryModeField)?.Trim().ToLowerInvariant())
        {
            case null: mode = callback is null ? BridgeDeliveryMode.Pull : BridgeDeliveryMode.Push; break;
            case "push": mode = BridgeDeliveryMode.Push; break;
            case "pull": mode = BridgeDeliveryMode.Pull; break;
            case var other: return (null, $"{DeliveryModeField}: '{other}' is not a delivery mode; use push or pull.");
        }
        if (mode == BridgeDeliveryMode.Push && callback is null)
            return (null, $"{CallbackUrlField}: push delivery needs the URL Qunzhu posts actions to; without one, set {DeliveryModeField} to pull.");

        var (capabilities, capabilityError) = BridgeCapabilities.Parse(settings.Get(CapabilitiesField));
        if (capabilityError is not null) return (null, $"{CapabilitiesField}: {capabilityError}");
        return (new BridgeSettings(secret, callback, mode, capabilities!), null);
    }
}

public enum BridgeDeliveryMode
{
    /// <summary>Qunzhu POSTs each action to the callback URL.</summary>
    Push,
    /// <summary>The bridge long-polls for actions (for bridges behind NAT).</summary>
    Pull,
}
