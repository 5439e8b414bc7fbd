using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Connectors.Telegram;

/// <summary>POST /webhooks/telegram/{accountId}: verify the secret header → store the raw update → 200.
/// Nothing is stored unless the secret matches; the 200 comes only after the update is committed.</summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const int MaxBodyBytes = 1 << 20;

    public static IEndpointRouteBuilder MapTelegramWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/telegram/{accountId:guid}", ReceiveAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ReceiveAsync(Guid accountId, HttpRequest request, IAccountSettingsProvider accounts, TelegramInbox inbox,
        CancellationToken ct)
    {
        var account = await accounts.FindAsync(accountId, ct);
        if (account is null || account.Platform != PlatformKind.Telegram || !account.Enabled)
            return Results.Problem(statusCode: 404, title: "Unknown webhook", detail: $"No enabled Telegram account has id '{accountId}'.");
        var expected = account.Get(TelegramSettings.WebhookSecret);
        if (expected is null || !SecretMatches(request.Headers[SecretHeader].ToString(), expected))
            return Results.Problem(statusCode: 401, title: "Wrong webhook secret", detail: $"The {SecretHeader} header does not match this account's webhookSecret.");
        if (request.ContentLength > MaxBodyBytes) return Results.Problem(statusCode: 413, title: "Update too large");

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(ct);
        var stored = await inbox.AcceptAsync(account, body, ct);
        return stored is null
            ? Results.Problem(statusCode: 400, title: "Not a Telegram update", detail: "The body must be a JSON object with an update_id.")
            : Results.Ok();
    }

    /// <summary>Constant time, and independent of the lengths: both sides are hashed first.</summary>
    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
