using System.Text;
using Microsoft.AspNetCore.Http;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Accounts;

namespace Qunzhu.Connectors.Bridge;

/// <summary>The first step of every bridge request: the account exists and is enabled, the body is within
/// the size limit, and the signature over timestamp + "." + body (a GET: its path and query) is right and fresh.</summary>
public sealed class BridgeRequestGate(IAccountSettingsProvider accounts, TimeProvider time)
{
    public async Task<BridgeGateResult> CheckAsync(HttpContext http, Guid accountId, CancellationToken ct)
    {
        var account = await accounts.FindAsync(accountId, ct);
        if (account is null || account.Platform != PlatformKind.Bridge)
            return Fail(404, "Unknown bridge account", $"No bridge account with id '{accountId}' exists. Use the webhook URL shown on the account's page.");
        if (!account.Enabled) return Fail(403, "Bridge account disabled", "This bridge account is disabled; enable it in Qunzhu before sending events.");

        var (read, error) = BridgeSettings.Parse(account);
        if (read is null) return Fail(409, "Bridge account not configured", "The account's settings are incomplete: " + error);

        byte[] content;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            content = Encoding.UTF8.GetBytes(http.Request.PathBase + http.Request.Path + http.Request.QueryString);
        }
        else
        {
            if (http.Request.ContentLength > BridgeProtocol.MaxBodyBytes) return TooLarge();
            var body = await ReadLimitedAsync(http.Request.Body, ct);
            if (body is null) return TooLarge();
            content = body;
        }

        var signatureError = BridgeSignature.Verify(read.SharedSecret, http.Request.Headers[BridgeProtocol.TimestampHeader],
            http.Request.Headers[BridgeProtocol.SignatureHeader], content, time.GetUtcNow());
        if (signatureError is not null) return Fail(401, "Signature check failed", signatureError);
        return new BridgeGateResult(account, read, content, null);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > BridgeProtocol.MaxBodyBytes) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static BridgeGateResult TooLarge() => Fail(413, "The request is too large",
        $"A request body has at most {BridgeProtocol.MaxBodyBytes / 1024} KiB and {BridgeProtocol.MaxEventsPerBatch} events; send fewer events per request.");

    private static BridgeGateResult Fail(int status, string title, string detail) =>
        new(null, null, null, TypedResults.Problem(statusCode: status, title: title, detail: detail));
}

/// <summary>Either the checked request, or the problem to answer with.</summary>
public sealed record BridgeGateResult(AccountSettings? Account, BridgeSettings? Settings, byte[]? Body, IResult? Problem);
