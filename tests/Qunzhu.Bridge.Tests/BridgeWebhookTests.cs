using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Qunzhu.Bridge.Client;

namespace Qunzhu.Bridge.Tests;

/// The inbound side of docs/bridge-protocol.md: signatures, the replay window, validation, limits, replays.
public sealed class BridgeWebhookTests : IAsyncDisposable
{
    private readonly BridgeHost _host = new();

    private static BridgeEvent Message(string id, string text = "你好") =>
        BridgeEvent.MessagePosted(id, "g-1", new BridgeUser("u1", "小王"), text, "m-" + id);

    [Fact]
    public async Task ReceiveEvents_NoSignatureHeaders_Returns401AndStoresNothing()
    {
        var account = await _host.CreateAccountAsync(null);
        var body = JsonSerializer.Serialize(new BridgeEventBatch([Message("e1")]), BridgeJson.Options);

        var response = await _host.Server.CreateClient().PostAsync(BridgeProtocol.WebhookPath(account),
            new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain(BridgeProtocol.TimestampHeader);
        (await _host.InboxCountAsync(account)).ShouldBe(0);
    }

    [Fact]
    public async Task ReceiveEvents_SignedWithAnotherSecret_Returns401AndStoresNothing()
    {
        var account = await _host.CreateAccountAsync(null);

        var error = await Should.ThrowAsync<BridgeClientException>(() =>
            _host.Client(account, secret: "not-the-shared-secret-but-long-enough-0000").SendAsync(Message("e1")));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.Body.ShouldContain("does not match");
        (await _host.InboxCountAsync(account)).ShouldBe(0);
    }

    [Fact]
    public async Task ReceiveEvents_SignedSixMinutesAgo_Returns401AndStoresNothing()
    {
        var account = await _host.CreateAccountAsync(null);
        var stale = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(-6));

        var error = await Should.ThrowAsync<BridgeClientException>(() => _host.Client(account, time: stale).SendAsync(Message("e1")));

        error.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        error.Body.ShouldContain("within 5 minutes");
        (await _host.InboxCountAsync(account)).ShouldBe(0);
    }

    [Fact]
    public async Task ReceiveEvents_MalformedJson_Returns400NamingWhere()
    {
        var account = await _host.CreateAccountAsync(null);
        var client = _host.Client(account);
        var body = Encoding.UTF8.GetBytes("""{"events":[{"id":"e1","type":"message.posted","chatId":"g-1","user":}]}""");

        var response = await _host.Server.CreateClient().SendAsync(client.CreateSignedRequest(HttpMethod.Post, BridgeProtocol.WebhookPath(account), body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("path").GetString().ShouldBe("$.events[0].user");
        problem.GetProperty("detail").GetString()!.ShouldContain("BytePositionInLine");
        (await _host.InboxCountAsync(account)).ShouldBe(0);
    }

    [Fact]
    public async Task ReceiveEvents_OneInvalidEventInBatch_Returns400NamingFieldsAndStoresNone()
    {
        var account = await _host.CreateAccountAsync(null);
        var events = new[]
        {
            Message("e1"),
            Message("e2") with { MessageId = null },
            new BridgeEvent("e3", "message", "g-1"),
            BridgeEvent.MemberJoined("e4", "g-1", new BridgeUser("")),
        };

        var error = await Should.ThrowAsync<BridgeClientException>(() => _host.Client(account).SendAsync(events));

        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(error.Body).RootElement.GetProperty("errors");
        errors.GetProperty("events[1].messageId").GetArrayLength().ShouldBe(1);
        errors.GetProperty("events[2].type")[0].GetString()!.ShouldContain("message.posted");
        errors.GetProperty("events[3].user.id").GetArrayLength().ShouldBe(1);
        errors.TryGetProperty("events[0].id", out _).ShouldBeFalse();
        (await _host.InboxCountAsync(account)).ShouldBe(0);
    }

    [Fact]
    public async Task ReceiveEvents_BodyOver256KiB_Returns413()
    {
        var account = await _host.CreateAccountAsync(null);
        var events = Enumerable.Range(0, 80).Select(i => Message($"e{i}", new string('长', 3999)));

        var error = await Should.ThrowAsync<BridgeClientException>(() => _host.Client(account).SendAsync(events));

        error.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await _host.InboxCountAsync(account)).ShouldBe(0);
    }

    [Fact]
    public async Task ReceiveEvents_UnknownAccount_Returns404()
    {
        var error = await Should.ThrowAsync<BridgeClientException>(() => _host.Client(Guid.NewGuid()).SendAsync(Message("e1")));
        error.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReceiveEvents_SameIdsAgain_CountedAsDuplicatesAndStoredOnce()
    {
        var account = await _host.CreateAccountAsync(null);
        var client = _host.Client(account);

        (await client.SendAsync([Message("e1"), Message("e2")])).ShouldBe(new BridgeAccepted(2, 0));
        (await client.SendAsync([Message("e2"), Message("e3")])).ShouldBe(new BridgeAccepted(1, 1));

        (await _host.InboxCountAsync(account)).ShouldBe(3);
    }

    [Fact]
    public async Task ReceiveEvents_EmptyBatch_AcceptsNothing()
    {
        var account = await _host.CreateAccountAsync(null);
        (await _host.Client(account).SendAsync([])).ShouldBe(new BridgeAccepted(0, 0));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
