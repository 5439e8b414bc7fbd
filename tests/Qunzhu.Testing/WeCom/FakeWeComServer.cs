using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Qunzhu.Testing.WeCom;

/// <summary>A WeCom server API on 127.0.0.1 (Kestrel, port 0) that answers like the real one: HTTP 200 with
/// errcode/errmsg, access tokens that expire (42001) or are unknown (40014), 45009 once more than
/// <see cref="CallsPerMinute"/> calls arrive in a minute, the real JSON shapes of every method Qunzhu uses,
/// and a record of every call. It can also push encrypted callbacks into Qunzhu (see <see cref="FakeWeComCallbacks"/>).</summary>
public sealed partial class FakeWeComServer : IAsyncDisposable
{
    public const string CorpId = "ww1436e0e65a779aee";
    public const string Secret = "fake-customer-contact-secret";
    public const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    public const string EncodingAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeWeComCall> _calls = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTimeOffset> _recent = new();
    private int _tokenCounter;

    private FakeWeComServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Lifetime of tokens issued from now on (WeCom: 7200 s).</summary>
    public int TokenLifetimeSeconds { get; set; } = 7200;

    /// <summary>Calls (other than gettoken) allowed per rolling minute before 45009; null = no limit.</summary>
    public int? CallsPerMinute { get; set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public IReadOnlyList<FakeWeComCall> Calls => [.. _calls];

    public IReadOnlyList<FakeWeComCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    public static async Task<FakeWeComServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeWeComServer(app);
        app.MapMethods("/cgi-bin/{**method}", ["GET", "POST"], fake.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.First();
        fake.BaseUrl = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        return fake;
    }

    /// <summary>Every token issued so far is now expired: the next call with one gets 42001.</summary>
    public void ExpireTokens()
    {
        foreach (var key in _tokens.Keys) _tokens[key] = Time.GetUtcNow().AddSeconds(-1);
    }

    private async Task HandleAsync(HttpContext http, string method)
    {
        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        JsonNode? body = null;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body);
            }
            catch (System.Text.Json.JsonException)
            {
                await AnswerAsync(http, method, query, null, Error(47001, "data format error"));
                return;
            }
        }
        var answer = method switch
        {
            "gettoken" => GetToken(query),
            "webhook/send" => Robot(query, body),
            _ => Authorize(query) ?? RateLimit() ?? Dispatch(method, query, body ?? new JsonObject()),
        };
        await AnswerAsync(http, method, query, body, answer);
    }

    private async Task AnswerAsync(HttpContext http, string method, Dictionary<string, string> query, JsonNode? body, JsonObject answer)
    {
        _calls.Enqueue(new FakeWeComCall(method, query, body, (int)answer["errcode"]!));
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    private JsonObject Dispatch(string method, Dictionary<string, string> query, JsonNode body) => method switch
    {
        "externalcontact/groupchat/list" => ListGroups(body),
        "externalcontact/groupchat/get" => GetGroup(body),
        "externalcontact/groupchat/add_join_way" => AddJoinWay(body),
        "externalcontact/groupchat/get_join_way" => GetJoinWay(body),
        "externalcontact/add_contact_way" => AddContactWay(body),
        "externalcontact/get" => GetContact(query),
        "externalcontact/send_welcome_msg" => SendWelcome(body),
        "externalcontact/add_msg_template" => AddMsgTemplate(body),
        "externalcontact/get_groupmsg_send_result" => GetSendResult(body),
        "externalcontact/get_corp_tag_list" => GetTags(),
        "externalcontact/add_corp_tag" => AddTag(body),
        "externalcontact/mark_tag" => MarkTag(body),
        _ => Error(60011, $"no privilege to access/modify contact/party/agent, hint: [fake] unknown method {method}"),
    };

    private JsonObject GetToken(Dictionary<string, string> query)
    {
        if (query.GetValueOrDefault("corpid") != CorpId) return Error(40013, "invalid corpid");
        if (query.GetValueOrDefault("corpsecret") != Secret) return Error(40001, "invalid credential, access_token is invalid or not latest");
        var token = $"fake-token-{Interlocked.Increment(ref _tokenCounter)}-{Guid.NewGuid():N}";
        _tokens[token] = Time.GetUtcNow().AddSeconds(TokenLifetimeSeconds);
        return Ok(o =>
        {
            o["access_token"] = token;
            o["expires_in"] = TokenLifetimeSeconds;
        });
    }

    private JsonObject? Authorize(Dictionary<string, string> query)
    {
        if (!query.TryGetValue("access_token", out var token) || token.Length == 0) return Error(41001, "access_token missing");
        if (!_tokens.TryGetValue(token, out var expires)) return Error(40014, "invalid access_token");
        return expires <= Time.GetUtcNow() ? Error(42001, "access_token expired") : null;
    }

    private JsonObject? RateLimit()
    {
        if (CallsPerMinute is not { } limit) return null;
        var now = Time.GetUtcNow();
        lock (_recent)
        {
            while (_recent.TryPeek(out var at) && now - at > TimeSpan.FromMinutes(1)) _recent.TryDequeue(out _);
            if (_recent.Count >= limit) return Error(45009, "api freq out of limit");
            _recent.Enqueue(now);
        }
        return null;
    }

    internal static JsonObject Ok(Action<JsonObject>? fill = null)
    {
        var o = new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" };
        fill?.Invoke(o);
        return o;
    }

    internal static JsonObject Error(int code, string message) => new() { ["errcode"] = code, ["errmsg"] = $"{message}, hint: [fake]" };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
