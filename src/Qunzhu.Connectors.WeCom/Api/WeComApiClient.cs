using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>WeCom's server API (typed HttpClient; the base URL comes from each account). Calls carry the
/// cached access_token; a token WeCom calls stale (40014 / 42001 / 40001) is renewed and the call made once
/// more. Rate limits (45009, 45033) and "system busy" (-1) throw a transient <see cref="WeComApiException"/>
/// with a RetryAfter; any other errcode a permanent one with WeCom's errmsg.</summary>
public sealed partial class WeComApiClient(HttpClient http, WeComTokenCache tokens)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>gettoken itself, bypassing the cache: "test connection" wants to know that the secret works now.</summary>
    public async Task<TokenResponse> GetTokenAsync(WeComCredentials c, CancellationToken ct)
    {
        var uri = Url(c.ApiBaseUrl, "cgi-bin/gettoken", $"corpid={Uri.EscapeDataString(c.CorpId)}&corpsecret={Uri.EscapeDataString(c.Secret)}");
        var response = await SendAsync<TokenResponse>("gettoken", HttpMethod.Get, uri, null, ct);
        if (response.Errcode != 0) throw Error("gettoken", response);
        if (string.IsNullOrEmpty(response.AccessToken)) throw new WeComApiException("gettoken", 0, "WeCom returned no access_token.", null);
        return response;
    }

    /// <summary>A call with the account's access_token, renewed once if WeCom says it is stale.</summary>
    private async Task<T> CallAsync<T>(WeComCredentials c, string path, object? body, CancellationToken ct, string? query = null)
        where T : WeComResponse
    {
        var method = path["cgi-bin/".Length..];
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(c, async t =>
            {
                var fresh = await GetTokenAsync(c, t);
                return (fresh.AccessToken!, fresh.ExpiresIn);
            }, ct);
            var uri = Url(c.ApiBaseUrl, path, $"access_token={Uri.EscapeDataString(token)}{(query is null ? "" : "&" + query)}");
            var response = await SendAsync<T>(method, body is null ? HttpMethod.Get : HttpMethod.Post, uri, body, ct);
            if (response.Errcode == 0) return response;
            if (attempt == 0 && WeComErrors.IsStaleToken(response.Errcode))
            {
                tokens.Invalidate(c, token);
                continue;
            }
            throw Error(method, response);
        }
    }

    private async Task<T> SendAsync<T>(string method, HttpMethod verb, Uri uri, object? body, CancellationToken ct) where T : WeComResponse
    {
        using var request = new HttpRequestMessage(verb, uri);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;
            throw new WeComApiException(method, 0, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}",
                transient ? response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5) : null);
        }
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, ct)
                   ?? throw new WeComApiException(method, 0, "WeCom returned an empty body.", TimeSpan.FromSeconds(5));
        }
        catch (JsonException)
        {
            throw new WeComApiException(method, 0, "WeCom returned a body that is not the expected JSON.", TimeSpan.FromSeconds(5));
        }
    }

    private static WeComApiException Error(string method, WeComResponse r) =>
        new(method, r.Errcode, string.IsNullOrWhiteSpace(r.Errmsg) ? "(no errmsg)" : r.Errmsg, WeComErrors.RetryAfter(r.Errcode));

    /// <summary>Base URL + path, whether or not the configured base ends with a slash (a proxy may add a path prefix).</summary>
    internal static Uri Url(Uri baseUrl, string path, string query)
    {
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl.AbsoluteUri : baseUrl.AbsoluteUri + "/";
        return new Uri($"{root}{path}?{query}");
    }
}
