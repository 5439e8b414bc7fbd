using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qunzhu.Bridge.Client;

/// <summary>HMAC-SHA256 over UTF-8(timestamp) + "." + content, keyed with UTF-8(shared secret), sent as
/// "sha256=" + lowercase hex. Content is the raw body of a POST, or the path and query of a GET.</summary>
public static class BridgeSignature
{
    private const string Prefix = "sha256=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> content)
    {
        var ts = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[ts.Length + content.Length];
        ts.CopyTo(message, 0);
        content.CopyTo(message.AsSpan(ts.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return Prefix + Convert.ToHexStringLower(mac);
    }

    public static string Sign(string secret, long timestamp, string content) => Sign(secret, timestamp, Encoding.UTF8.GetBytes(content));

    /// <summary>Checks both headers; the comparison takes the same time however many characters match.</summary>
    /// <returns>Null when the request is genuine and fresh; else what is wrong with it, in words a bridge author can act on.</returns>
    public static string? Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> content, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader))
            return $"The {BridgeProtocol.TimestampHeader} header is missing: send the Unix time in seconds at which you signed the request.";
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
            return $"The {BridgeProtocol.TimestampHeader} header must be a Unix time in whole seconds, e.g. 1767225600.";
        var skew = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253402300799));
        if (skew.Duration() > BridgeProtocol.ReplayWindow)
            return $"The {BridgeProtocol.TimestampHeader} header is {Math.Round(skew.TotalSeconds)} s away from the server's clock; "
                   + $"requests must be signed within {BridgeProtocol.ReplayWindow.TotalMinutes} minutes (check the bridge's clock).";
        if (string.IsNullOrWhiteSpace(signatureHeader) || !signatureHeader.StartsWith(Prefix, StringComparison.Ordinal))
            return $"The {BridgeProtocol.SignatureHeader} header is missing or does not start with \"{Prefix}\".";

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, content));
        var given = Encoding.ASCII.GetBytes(signatureHeader.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? null
            : $"The {BridgeProtocol.SignatureHeader} header does not match: sign {BridgeProtocol.TimestampHeader} + \".\" + the exact body bytes with the account's shared secret.";
    }
}
