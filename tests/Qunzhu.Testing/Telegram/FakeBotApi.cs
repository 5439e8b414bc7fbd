using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Qunzhu.Testing.Telegram;

/// <summary>A Bot API server on 127.0.0.1 (Kestrel, port 0) with Telegram's JSON shapes: {"ok":true,"result":…}
/// or {"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":N}} with the same HTTP status.
/// It enforces the documented send limits (429 when exceeded, counted as violations), records every call,
/// serves getUpdates from a queue and refuses it while a webhook is set, as Telegram does.</summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const long BotUserId = 7000001;
    public const string Token = "7000001:AAFakeTokenForQunzhuTests_0123456789";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeCall> _calls = new();
    private readonly ConcurrentQueue<(string Method, int Code, string Description, int? RetryAfter)> _failures = new();
    private readonly List<JsonObject> _updates = [];
    private readonly SemaphoreSlim _updateArrived = new(0);
    private readonly Lock _lock = new();
    private int _nextMessageId = 1000;

    private FakeBotApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public FakeRateLimits Limits { get; } = new();

    public IReadOnlyCollection<FakeCall> Calls => _calls;

    /// <summary>429s the fake had to answer because a limit was exceeded (forced failures not counted).</summary>
    public int Violations => _violations;

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    private int _violations;

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.MapPost("/bot{token}/{method}", fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address);
        return fake;
    }

    public IEnumerable<FakeCall> CallsTo(string method) => _calls.Where(c => c.Method == method && c.Status == 200);

    /// <summary>The next <paramref name="times"/> calls of the method fail with this error.</summary>
    public void Fail(string method, int code, string description, int? retryAfter = null, int times = 1)
    {
        for (var i = 0; i < times; i++) _failures.Enqueue((method, code, description, retryAfter));
    }

    /// <summary>An update for getUpdates (the update_id is the caller's).</summary>
    public void Enqueue(JsonObject update)
    {
        lock (_lock) _updates.Add(update);
        _updateArrived.Release();
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpRequest request)
    {
        var (parameters, files) = await ReadParametersAsync(request);
        var result = await AnswerAsync(token, method, parameters, files);
        _calls.Enqueue(new FakeCall(method, parameters, TimeProvider.System.GetUtcNow(), result.Status) { Files = files });
        return Results.Content(result.Body.ToJsonString(), "application/json", statusCode: result.Status);
    }

    private async Task<(int Status, JsonObject Body)> AnswerAsync(string token, string method, JsonElement p, IReadOnlyDictionary<string, byte[]> files)
    {
        if (token != Token) return Error(401, "Unauthorized");
        if (TakeFailure(method) is { } forced) return Error(forced.Code, forced.Description, forced.RetryAfter);
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = BotUserId, ["is_bot"] = true, ["first_name"] = "Qunzhu Test", ["username"] = "qunzhu_test_bot" });
            case "setWebhook":
                (WebhookUrl, WebhookSecret) = (p.GetProperty("url").GetString(), p.TryGetProperty("secret_token", out var s) ? s.GetString() : null);
                return Ok(true);
            case "deleteWebhook":
                (WebhookUrl, WebhookSecret) = (null, null);
                return Ok(true);
            case "getUpdates":
                if (WebhookUrl is not null) return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
                return Ok(await UpdatesAsync(p));
            case "sendMessage":
                var chat = p.GetProperty("chat_id").ToString();
                if (Limits.TryCount(chat, TimeProvider.System.GetUtcNow()) is { } wait)
                {
                    Interlocked.Increment(ref _violations);
                    return Error(429, $"Too Many Requests: retry after {wait}", wait);
                }
                return Ok(Message(chat, p.GetProperty("text").GetString()!));
            case "sendPhoto":
                return SendPhoto(p, files);
            case "deleteMessage" or "restrictChatMember" or "banChatMember" or "approveChatJoinRequest" or "declineChatJoinRequest":
                return p.TryGetProperty("chat_id", out _) ? Ok(true) : Error(400, "Bad Request: chat_id is empty");
            case "createChatInviteLink":
                return Ok(InviteLink(p));
            default:
                return Error(404, "Not Found");
        }
    }

    private (string Method, int Code, string Description, int? RetryAfter)? TakeFailure(string method)
    {
        lock (_lock)
        {
            if (!_failures.TryPeek(out var next) || next.Method != method) return null;
            _failures.TryDequeue(out next);
            return next;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _updateArrived.Dispose();
    }
}
