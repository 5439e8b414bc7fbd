using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Crypto;
using Qunzhu.Connectors.WeCom.FollowUps;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.WeCom.Callbacks;

/// <summary>/webhooks/wecom/{accountId}: the URL pasted into WeCom's "receive events" (接收事件服务器) page.
/// GET is WeCom's URL check (answer the decrypted echostr); POST is a callback: signature checked, decrypted,
/// stored in the inbox, and only then answered "success". A callback that fails the check stores nothing.</summary>
public static class WeComWebhooks
{
    private const int MaxBody = 256 * 1024;

    public static IEndpointRouteBuilder MapWeComWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/wecom").AllowAnonymous().WithTags("Webhooks").ExcludeFromDescription();
        group.MapGet("/{accountId:guid}", VerifyUrl).WithName("WeComVerifyUrl");
        group.MapPost("/{accountId:guid}", Receive).WithName("WeComCallback");
        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> VerifyUrl(Guid accountId, HttpRequest request,
        WeComAccounts accounts, CancellationToken ct)
    {
        var account = await accounts.FindAsync(accountId, ct);
        if (account is null) return UnknownAccount(accountId);
        var q = request.Query;
        if (!TryQuery(q, out var signature, out var timestamp, out var nonce) || q["echostr"].ToString() is not { Length: > 0 } echostr)
            return Problem(400, "Missing parameters", "WeCom's URL check sends msg_signature, timestamp, nonce and echostr.");
        try
        {
            return TypedResults.Text(account.Settings.Crypto().VerifyUrl(signature, timestamp, nonce, echostr), "text/plain", Encoding.UTF8);
        }
        catch (WeComCryptoException ex)
        {
            return Problem(403, "Signature check failed", ex.Message);
        }
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Receive(Guid accountId, HttpRequest request,
        WeComAccounts accounts, IInboxWriter inbox, WeComFollowUpSignal followUps, CancellationToken ct)
    {
        var account = await accounts.FindAsync(accountId, ct);
        if (account is null) return UnknownAccount(accountId);
        if (!TryQuery(request.Query, out var signature, out var timestamp, out var nonce))
            return Problem(400, "Missing parameters", "A WeCom callback has msg_signature, timestamp and nonce in its query.");
        if (await ReadEncryptAsync(request, ct) is not { } encrypt)
            return Problem(400, "Not a WeCom callback", "The body must be WeCom's <xml> envelope with an <Encrypt> element.");

        string xml;
        try
        {
            xml = account.Settings.Crypto().DecryptMessage(signature, timestamp, nonce, encrypt);
        }
        catch (WeComCryptoException ex)
        {
            return Problem(403, "Signature check failed", ex.Message);
        }
        if (WeComCallback.Parse(xml) is not { } callback)
            return Problem(400, "Not a WeCom callback", "The decrypted message is not WeCom's callback XML.");

        var item = new InboxItem(account.WorkspaceId, account.AccountId, PlatformKind.WeCom,
            WeComEventIds.Callback(callback), WeComEventIds.ChatOf(callback), xml);
        if (await inbox.AcceptAsync(item, ct) && WeComEventIds.NeedsFollowUp(callback)) followUps.Stored();
        return TypedResults.Text("success", "text/plain", Encoding.UTF8);
    }

    private static bool TryQuery(IQueryCollection q, out string signature, out string timestamp, out string nonce)
    {
        (signature, timestamp, nonce) = (q["msg_signature"].ToString(), q["timestamp"].ToString(), q["nonce"].ToString());
        return signature.Length > 0 && timestamp.Length > 0 && nonce.Length > 0;
    }

    private static async Task<string?> ReadEncryptAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody) return null;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxBody) return null;
        try
        {
            return XElement.Parse(new string(buffer, 0, read)).Element("Encrypt")?.Value is { Length: > 0 } e ? e.Trim() : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static ProblemHttpResult UnknownAccount(Guid accountId) =>
        Problem(404, "Unknown account", $"No enabled WeCom account has id '{accountId}': check the URL pasted into WeCom.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
