using System.Security.Cryptography;
using System.Text;

namespace Qunzhu.Server.Auth;

/// API keys: "qz_" + 32 random bytes; stored as SHA-256 (a key has full entropy, so no slow hash is needed).
public static class ApiKeys
{
    public const int MinimumLength = 20;

    public static string Generate() => "qz_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Prefix(string key) => key.Length <= 8 ? key : key[..8];

    public static string GeneratePassword() => Base64Url(RandomNumberGenerator.GetBytes(15));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
