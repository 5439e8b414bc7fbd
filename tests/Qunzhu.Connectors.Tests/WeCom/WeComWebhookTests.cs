using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing.WeCom;

namespace Qunzhu.Connectors.Tests.WeCom;

/// /webhooks/wecom/{accountId}: URL check with Tencent's vectors, signature and receive-id checks, retries.
public sealed class WeComWebhookTests : WeComTest
{
    private static readonly JsonElement[] Vectors =
        [.. SharedFixtures.Load("wecom_crypto_vectors.json").RootElement.GetProperty("vectors").EnumerateArray()];

    private static JsonElement Vector(string id) => Vectors.Single(v => v.GetProperty("id").GetString() == id);

    private static string S(JsonElement v, string name) => v.GetProperty(name).GetString()!;

    private async Task<Guid> VectorAccountAsync(JsonElement v) =>
        await CreateAccountAsync(S(v, "token"), S(v, "encoding_aes_key"), S(v, "receiveid"), "vector " + S(v, "id"));

    [Theory]
    [InlineData("A_verify_url")]
    [InlineData("C_verify_url_py")]
    public async Task VerifyUrl_PublishedVector_AnswersTheDecryptedEchostr(string id)
    {
        var v = Vector(id);
        var account = await VectorAccountAsync(v);

        var response = await Server.CreateClient().GetAsync(new Uri(
            $"/webhooks/wecom/{account}?msg_signature={S(v, "msg_signature")}&timestamp={S(v, "timestamp")}&nonce={S(v, "nonce")}&echostr={Uri.EscapeDataString(S(v, "echostr"))}",
            UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(v.GetProperty("expected").GetProperty("msg").GetString());
    }

    [Fact]
    public async Task VerifyUrl_TamperedSignature_403()
    {
        var v = Vector("A_verify_url");
        var account = await VectorAccountAsync(v);

        var response = await Server.CreateClient().GetAsync(new Uri(
            $"/webhooks/wecom/{account}?msg_signature={new string('0', 40)}&timestamp={S(v, "timestamp")}&nonce={S(v, "nonce")}&echostr={Uri.EscapeDataString(S(v, "echostr"))}",
            UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Receive_PublishedVector_StoresTheDecryptedXmlAndAnswersSuccess()
    {
        var v = Vector("B_decrypt_xml");
        var account = await VectorAccountAsync(v);
        using var body = new StringContent(S(v, "post_body"), Encoding.UTF8, "text/xml");

        var response = await Server.CreateClient().PostAsync(new Uri(
            $"/webhooks/wecom/{account}?msg_signature={S(v, "msg_signature")}&timestamp={S(v, "timestamp")}&nonce={S(v, "nonce")}", UriKind.Relative), body, Ct);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("success");
        await using var db = Server.CreateDbContext();
        var stored = await db.Inbox.SingleAsync(e => e.AccountId == account, Ct);
        stored.Payload.ShouldBe(v.GetProperty("expected").GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Receive_ForgedSignature_403AndNothingStored()
    {
        var xml = FakeWeComCallbacks.ExternalChat("wrChat", "create", Now);

        var response = await FakeWeComCallbacks.PushAsync(Server.CreateClient(), AccountId, xml, token: "not-the-token");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await InboxCountAsync(_ => true)).ShouldBe(0);
    }

    [Fact]
    public async Task Receive_EncryptedForAnotherCorp_403AndNothingStored()
    {
        var xml = FakeWeComCallbacks.ExternalChat("wrChat", "create", Now);

        var response = await FakeWeComCallbacks.PushAsync(Server.CreateClient(), AccountId, xml, receiveId: "wwSomeOtherCorp");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("receive id");
        (await InboxCountAsync(_ => true)).ShouldBe(0);
    }

    [Fact]
    public async Task Receive_UnknownAccount_404()
    {
        var response = await FakeWeComCallbacks.PushAsync(Server.CreateClient(), Guid.NewGuid(), FakeWeComCallbacks.ExternalTag("t", "create", Now));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Receive_SameCallbackThreeTimes_StoredOnce()
    {
        var xml = FakeWeComCallbacks.ExternalContact("edit_external_contact", "zhangsan", "wmCustomer", Now);

        for (var i = 0; i < 3; i++) (await (await PushAsync(xml)).Content.ReadAsStringAsync(Ct)).ShouldBe("success");

        (await InboxCountAsync(_ => true)).ShouldBe(1);
    }
}
