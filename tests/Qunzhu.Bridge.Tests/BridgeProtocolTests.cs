using System.Text;
using Microsoft.Extensions.Time.Testing;
using Qunzhu.Bridge.Client;

namespace Qunzhu.Bridge.Tests;

/// The signing rules of docs/bridge-protocol.md §2, as a bridge author in another language would check them.
public sealed class BridgeProtocolTests
{
    private static readonly byte[] EmptyBatch = Encoding.UTF8.GetBytes("{\"events\":[]}");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1767225600);

    [Fact]
    public void Sign_DocumentedExample_MatchesHmacComputedElsewhere()
    {
        // python3: hmac.new(secret, b"1767225600." + body, hashlib.sha256).hexdigest()
        BridgeSignature.Sign(BridgeHost.Secret, 1767225600, EmptyBatch)
            .ShouldBe("sha256=6449e89f356ef254da241df9bf010ca375cb7b82ed288e81577730cca24c8fd3");
    }

    [Fact]
    public void Verify_FreshAndRight_Passes()
    {
        var signature = BridgeSignature.Sign(BridgeHost.Secret, 1767225600, EmptyBatch);
        BridgeSignature.Verify(BridgeHost.Secret, "1767225600", signature, EmptyBatch, SignedAt.AddMinutes(4)).ShouldBeNull();
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_OutsideFiveMinutes_FailsNamingTheClock(int seconds)
    {
        var signature = BridgeSignature.Sign(BridgeHost.Secret, 1767225600, EmptyBatch);
        BridgeSignature.Verify(BridgeHost.Secret, "1767225600", signature, EmptyBatch, SignedAt.AddSeconds(seconds))!
            .ShouldContain("5 minutes");
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_Fails()
    {
        var signature = BridgeSignature.Sign(BridgeHost.Secret, 1767225600, EmptyBatch);
        BridgeSignature.Verify(BridgeHost.Secret, "1767225600", signature, Encoding.UTF8.GetBytes("{\"events\": []}"), SignedAt)
            .ShouldNotBeNull();
    }

    [Theory]
    [InlineData(null, "sha256=00")]
    [InlineData("soon", "sha256=00")]
    [InlineData("1767225600", null)]
    [InlineData("1767225600", "md5=00")]
    public void Verify_MissingOrMalformedHeaders_SaysWhichHeader(string? timestamp, string? signature)
    {
        var error = BridgeSignature.Verify(BridgeHost.Secret, timestamp, signature, EmptyBatch, SignedAt);
        error.ShouldNotBeNull();
        error.ShouldContain(timestamp is null or "soon" ? BridgeProtocol.TimestampHeader : BridgeProtocol.SignatureHeader);
    }

    [Fact]
    public void Receive_SignedEnvelope_ReadsTheAction()
    {
        var time = new FakeTimeProvider(SignedAt);
        var body = Encoding.UTF8.GetBytes("""{"version":1,"kind":"action","action":{"id":"7","idempotencyKey":"k:1","type":"message.send","chatId":"g","createdAt":"2026-01-01T00:00:00Z","text":"你好","future":"ignored"}}""");
        var receipt = new BridgeActionReceiver(BridgeHost.Secret, time).Receive("1767225600", BridgeSignature.Sign(BridgeHost.Secret, 1767225600, body), body);

        receipt.IsValid.ShouldBeTrue(receipt.Error);
        receipt.Envelope!.Action!.Text.ShouldBe("你好");
        receipt.Envelope.Action.IdempotencyKey.ShouldBe("k:1");
    }

    [Fact]
    public void Receive_WrongSecret_IsRefused()
    {
        var time = new FakeTimeProvider(SignedAt);
        var body = Encoding.UTF8.GetBytes("""{"version":1,"kind":"ping"}""");
        var receipt = new BridgeActionReceiver(BridgeHost.Secret, time).Receive("1767225600", BridgeSignature.Sign("another-secret-of-at-least-32-characters", 1767225600, body), body);

        receipt.IsValid.ShouldBeFalse();
        receipt.Envelope.ShouldBeNull();
    }
}
