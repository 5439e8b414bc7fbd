using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Qunzhu.Bridge.Client;

/// <summary>A bridge's side of the protocol towards Qunzhu: post signed events; in pull mode, long-poll
/// for actions and report their results. <paramref name="http"/>'s BaseAddress is the Qunzhu server.</summary>
public sealed class BridgeClient(HttpClient http, Guid accountId, string sharedSecret, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Posts events in one signed request; they are processed in the order given.</summary>
    public async Task<BridgeAccepted> SendAsync(IEnumerable<BridgeEvent> events, CancellationToken ct = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new BridgeEventBatch([.. events]), BridgeJson.Options);
        using var response = await http.SendAsync(CreateSignedRequest(HttpMethod.Post, BridgeProtocol.WebhookPath(accountId), body), ct);
        return await ReadAsync<BridgeAccepted>(response, ct);
    }

    public Task<BridgeAccepted> SendAsync(BridgeEvent single, CancellationToken ct = default) => SendAsync([single], ct);

    /// <summary>Leases up to <paramref name="max"/> actions, waiting up to <paramref name="wait"/> (≤ 30 s) for one to appear.</summary>
    public async Task<IReadOnlyList<BridgeAction>> PullAsync(TimeSpan wait, int max = 10, CancellationToken ct = default)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"{BridgeProtocol.ActionsPath(accountId)}?wait={(int)wait.TotalSeconds}&max={max}");
        using var response = await http.SendAsync(CreateSignedRequest(HttpMethod.Get, path, null), ct);
        return (await ReadAsync<BridgeActionBatch>(response, ct)).Actions;
    }

    /// <summary>Reports how a pulled action went.</summary>
    public async Task<BridgeResultRecorded> ReportAsync(string actionId, BridgeActionResult result, CancellationToken ct = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(result, BridgeJson.Options);
        using var response = await http.SendAsync(CreateSignedRequest(HttpMethod.Post, BridgeProtocol.ResultPath(accountId, actionId), body), ct);
        return await ReadAsync<BridgeResultRecorded>(response, ct);
    }

    /// <summary>A request signed now: a POST over its body, a GET over its path and query.</summary>
    public HttpRequestMessage CreateSignedRequest(HttpMethod method, string pathAndQuery, byte[]? body)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(method, pathAndQuery);
        var signed = body ?? System.Text.Encoding.UTF8.GetBytes(pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        request.Headers.Add(BridgeProtocol.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(BridgeProtocol.SignatureHeader, BridgeSignature.Sign(sharedSecret, timestamp, signed));
        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new BridgeClientException(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        return (await response.Content.ReadFromJsonAsync<T>(BridgeJson.Options, ct))!;
    }
}
