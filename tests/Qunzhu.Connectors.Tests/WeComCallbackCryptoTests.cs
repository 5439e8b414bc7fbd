using System.Text;
using System.Text.Json;
using Qunzhu.Connectors.WeCom.Crypto;

namespace Qunzhu.Connectors.Tests;

/// Tencent's published WXBizMsgCrypt vectors (shared/fixtures/wecom_crypto_vectors.json).
public sealed class WeComCallbackCryptoTests
{
    private static readonly JsonElement[] Vectors =
        [.. SharedFixtures.Load("wecom_crypto_vectors.json").RootElement.GetProperty("vectors").EnumerateArray()];

    public static TheoryData<string> Decryptable => [.. Vectors.Where(v => v.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.Object)
        .Select(v => v.GetProperty("id").GetString()!)];

    public static TheoryData<string> All => [.. Vectors.Select(v => v.GetProperty("id").GetString()!)];

    private static JsonElement Vector(string id) => Vectors.Single(v => v.GetProperty("id").GetString() == id);

    private static string Cipher(JsonElement v) => v.TryGetProperty("echostr", out var e) ? e.GetString()! : v.GetProperty("encrypt").GetString()!;

    private static WeComCallbackCrypto Crypto(JsonElement v) =>
        new(v.GetProperty("token").GetString()!, v.GetProperty("encoding_aes_key").GetString()!, v.GetProperty("receiveid").GetString()!);

    [Theory]
    [MemberData(nameof(All))]
    public void Sign_PublishedVector_MatchesMsgSignature(string id)
    {
        var v = Vector(id);
        var crypto = new WeComCallbackCrypto(v.GetProperty("token").GetString()!, new string('a', 43), "any");
        crypto.Sign(v.GetProperty("timestamp").GetString()!, v.GetProperty("nonce").GetString()!, Cipher(v))
            .ShouldBe(v.GetProperty("msg_signature").GetString());
    }

    [Theory]
    [MemberData(nameof(Decryptable))]
    public void Decrypt_PublishedVector_YieldsMessageRandomAndPadding(string id)
    {
        var v = Vector(id);
        var expected = v.GetProperty("expected");
        var (random, message, receiveId, padding) = Crypto(v).DecryptParts(Cipher(v));

        Encoding.UTF8.GetString(message).ShouldBe(expected.GetProperty("msg").GetString());
        Encoding.ASCII.GetString(random).ShouldBe(expected.GetProperty("random16").GetString());
        receiveId.ShouldBe(expected.GetProperty("receiveid").GetString());
        padding.ShouldBe(expected.GetProperty("pkcs7_pad_byte").GetInt32());
        message.Length.ShouldBe(expected.GetProperty("msg_len").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Decryptable))]
    public void Encrypt_SameRandomBytes_ReproducesPublishedCiphertext(string id)
    {
        var v = Vector(id);
        var expected = v.GetProperty("expected");
        Crypto(v).Encrypt(expected.GetProperty("msg").GetString()!, Encoding.ASCII.GetBytes(expected.GetProperty("random16").GetString()!))
            .ShouldBe(Cipher(v));
    }

    [Fact]
    public void VerifyUrl_PublishedEchostr_ReturnsPlainEchostr()
    {
        var v = Vector("A_verify_url");
        Crypto(v).VerifyUrl(v.GetProperty("msg_signature").GetString()!, v.GetProperty("timestamp").GetString()!,
            v.GetProperty("nonce").GetString()!, v.GetProperty("echostr").GetString()!).ShouldBe("1616140317555161061");
    }

    [Fact]
    public void VerifyUrl_ForgedSignature_Rejected()
    {
        var v = Vector("A_verify_url");
        Should.Throw<WeComCryptoException>(() => Crypto(v).VerifyUrl("0000000000000000000000000000000000000000",
            v.GetProperty("timestamp").GetString()!, v.GetProperty("nonce").GetString()!, v.GetProperty("echostr").GetString()!));
    }

    [Fact]
    public void Decrypt_OtherCorpsReceiveId_Rejected()
    {
        var v = Vector("B_decrypt_xml");
        var other = new WeComCallbackCrypto(v.GetProperty("token").GetString()!, v.GetProperty("encoding_aes_key").GetString()!, "ww_other_corp");
        Should.Throw<WeComCryptoException>(() => other.Decrypt(v.GetProperty("encrypt").GetString()!)).Message.ShouldContain("receive id");
    }

    [Fact]
    public void Encrypt_ThenDecrypt_RoundTripsChineseText()
    {
        var v = Vector("D_decrypt_xml_py");
        var crypto = Crypto(v);
        var cipher = crypto.Encrypt("<xml><Content>你好，群主</Content></xml>");
        crypto.Decrypt(cipher).ShouldBe("<xml><Content>你好，群主</Content></xml>");
        crypto.VerifySignature(crypto.Sign("1", "2", cipher), "1", "2", cipher).ShouldBeTrue();
    }
}
