namespace Qunzhu.Connectors.WeCom.Crypto;

/// <summary>A callback that cannot be trusted or read: wrong signature, wrong key, or a message for another corp.</summary>
public sealed class WeComCryptoException(string message) : Exception(message);
