using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Connectors.Bridge;

/// <summary>Posts signed envelopes to a bridge's callback URL and reads its answer as the protocol defines it:
/// 2xx done; 429 (Retry-After honoured), 408 and 5xx try again; any other 4xx is permanent.</summary>
public sealed class BridgeHttpClient(HttpClient http, TimeProvider time)
{
    private const int MaxErrorLength = 300;

    public async Task<DeliveryResult> PostAsync(BridgeSettings settings, BridgeEnvelope envelope, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(envelope, BridgeJson.Options);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.CallbackUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(BridgeProtocol.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(BridgeProtocol.SignatureHeader, BridgeSignature.Sign(settings.SharedSecret, timestamp, body));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.IsSuccessStatusCode) return DeliveryResult.Delivered;
            var status = (int)response.StatusCode;
            var error = $"The bridge answered {status}: {await ExcerptAsync(response, ct)}";
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => DeliveryResult.Transient(error, RetryAfter(response) ?? TimeSpan.FromSeconds(1)),
                HttpStatusCode.RequestTimeout => DeliveryResult.Transient(error, RetryAfter(response)),
                _ when status >= 500 => DeliveryResult.Transient(error, RetryAfter(response)),
                _ => DeliveryResult.Permanent(error),
            };
        }
        catch (HttpRequestException ex)
        {
            return DeliveryResult.Transient($"The bridge at {settings.CallbackUrl?.GetLeftPart(UriPartial.Authority)} could not be reached: {ex.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryResult.Transient($"The bridge did not answer within {http.Timeout.TotalSeconds} s.");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return response.ReasonPhrase ?? "(no body)";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
    }
}
