using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qunzhu.Bridge.Client;

namespace Qunzhu.Bridge.Tests;

/// <summary>A pushing bridge on 127.0.0.1 (Kestrel, port 0) that behaves as the protocol asks: it verifies
/// every callback with <see cref="BridgeActionReceiver"/> (401 when wrong), performs each idempotency key
/// once, and answers what <see cref="Respond"/> says (2xx by default) — e.g. 429 with Retry-After.</summary>
public sealed class FakeBridge : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BridgeActionReceiver _receiver;
    private readonly ConcurrentDictionary<string, BridgeAction> _performed = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(DateTimeOffset At, BridgeAction Action)> _requests = new();
    private readonly ConcurrentQueue<BridgeAction> _order = new();
    private int _pings;
    private int _rejected;

    private FakeBridge(WebApplication app, string secret)
    {
        _app = app;
        _receiver = new BridgeActionReceiver(secret);
        app.MapPost("/qunzhu", HandleAsync);
    }

    /// <summary>Decides the answer to an action (null: perform it and answer 200).</summary>
    public Func<BridgeAction, IResult?> Respond { get; set; } = _ => null;

    public Uri CallbackUrl { get; private set; } = null!;

    /// <summary>Performed actions, each key once, in the order performed.</summary>
    public IReadOnlyList<BridgeAction> Performed => [.. _order];

    /// <summary>Every verified action request, repeats included, with when it arrived.</summary>
    public IReadOnlyList<(DateTimeOffset At, BridgeAction Action)> Requests => [.. _requests];

    public int Pings => _pings;

    /// <summary>Requests whose signature or timestamp did not verify.</summary>
    public int Rejected => _rejected;

    public static async Task<FakeBridge> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var bridge = new FakeBridge(builder.Build(), secret);
        await bridge._app.StartAsync();
        var address = bridge._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        bridge.CallbackUrl = new Uri(new Uri(address), "/qunzhu");
        return bridge;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var receipt = _receiver.Receive(request.Headers[BridgeProtocol.TimestampHeader], request.Headers[BridgeProtocol.SignatureHeader], buffer.ToArray());
        if (!receipt.IsValid)
        {
            Interlocked.Increment(ref _rejected);
            return Results.Problem(statusCode: 401, detail: receipt.Error);
        }
        if (receipt.Envelope!.Kind == BridgeEnvelope.PingKind)
        {
            Interlocked.Increment(ref _pings);
            return Results.Ok();
        }
        var action = receipt.Envelope.Action!;
        _requests.Enqueue((TimeProvider.System.GetUtcNow(), action));
        if (Respond(action) is { } answer) return answer;
        if (_performed.TryAdd(action.IdempotencyKey, action)) _order.Enqueue(action);
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
