using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Qunzhu.Connectors.WeCom.Crypto;

/// <summary>WeCom's callback encryption (WXBizMsgCrypt): SHA-1 signature over the ordinal-sorted
/// [token, timestamp, nonce, encrypt]; AES-256-CBC with key = Base64(EncodingAESKey + "="), IV = the
/// key's first 16 bytes, PKCS#7 padding to a 32-byte block (unpadded by hand: .NET's PKCS7 mode only
/// accepts padding up to the 16-byte AES block); plaintext = 16 random bytes, 4-byte big-endian length,
/// message, receive id (the corp id, which must match).</summary>
public sealed class WeComCallbackCrypto
{
    private const int PadBlock = 32;
    private readonly string _token;
    private readonly byte[] _key;
    private readonly string _receiveId;

    public WeComCallbackCrypto(string token, string encodingAesKey, string receiveId)
    {
        if (encodingAesKey is not { Length: 43 })
            throw new ArgumentException("EncodingAESKey is the 43-character key shown in the WeCom admin console.", nameof(encodingAesKey));
        _token = token;
        _key = Convert.FromBase64String(encodingAesKey + "=");
        _receiveId = receiveId;
    }

    /// <summary>The msg_signature WeCom sends for these values.</summary>
    public string Sign(string timestamp, string nonce, string encrypt)
    {
        string[] parts = [_token, timestamp, nonce, encrypt];
        // Ordinal: a culture-aware sort orders mixed-case tokens differently and yields a wrong signature.
        Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is WeCom's protocol, not our choice.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
    }

    public bool VerifySignature(string signature, string timestamp, string nonce, string encrypt) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypt)),
            Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));

    /// <summary>GET URL verification: checks the signature and returns the decrypted echostr to answer with.</summary>
    public string VerifyUrl(string signature, string timestamp, string nonce, string echostr)
    {
        if (!VerifySignature(signature, timestamp, nonce, echostr)) throw new WeComCryptoException("The msg_signature does not match: check the Token.");
        return Decrypt(echostr);
    }

    /// <summary>Checks the signature and decrypts a callback's Encrypt field.</summary>
    public string DecryptMessage(string signature, string timestamp, string nonce, string encrypt)
    {
        if (!VerifySignature(signature, timestamp, nonce, encrypt)) throw new WeComCryptoException("The msg_signature does not match: check the Token.");
        return Decrypt(encrypt);
    }

    public string Decrypt(string encrypt) => Encoding.UTF8.GetString(DecryptParts(encrypt).Message);

    internal (byte[] Random, byte[] Message, string ReceiveId, int Padding) DecryptParts(string encrypt)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypt);
        }
        catch (FormatException)
        {
            throw new WeComCryptoException("The Encrypt field is not Base64.");
        }
        if (cipher.Length == 0 || cipher.Length % 16 != 0) throw new WeComCryptoException("The Encrypt field is not whole AES blocks.");

        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        var pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length || plain.AsSpan(plain.Length - pad).IndexOfAnyExcept(pad) >= 0)
            throw new WeComCryptoException("Bad padding: the EncodingAESKey is probably wrong.");
        var body = plain.AsSpan(0, plain.Length - pad);
        if (body.Length < 20) throw new WeComCryptoException("The decrypted message is too short.");
        var length = BinaryPrimitives.ReadInt32BigEndian(body.Slice(16, 4));
        if (length < 0 || 20 + length > body.Length) throw new WeComCryptoException("The decrypted length is out of range: the EncodingAESKey is probably wrong.");
        var receiveId = Encoding.UTF8.GetString(body[(20 + length)..]);
        if (!string.Equals(receiveId, _receiveId, StringComparison.Ordinal))
            throw new WeComCryptoException($"The message is for receive id '{receiveId}', not this account's corp id.");
        return (body[..16].ToArray(), body.Slice(20, length).ToArray(), receiveId, pad);
    }

    /// <summary>Encrypts a reply (or, in tests, a callback) with fresh random bytes.</summary>
    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(16));

    public string Encrypt(string message, ReadOnlySpan<byte> random16)
    {
        if (random16.Length != 16) throw new ArgumentException("16 random bytes are needed.", nameof(random16));
        var msg = Encoding.UTF8.GetBytes(message);
        var id = Encoding.UTF8.GetBytes(_receiveId);
        var length = 20 + msg.Length + id.Length;
        var pad = PadBlock - (length % PadBlock);
        var plain = new byte[length + pad];
        random16.CopyTo(plain);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16, 4), msg.Length);
        msg.CopyTo(plain, 20);
        id.CopyTo(plain, 20 + msg.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }
}
