using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Qunzhu.Bridge.Client;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Ingestion;

namespace Qunzhu.Connectors.Bridge;

/// <summary>The Bridge protocol's server side (docs/bridge-protocol.md): signed events in; for pulling
/// bridges, signed long-polls for actions and their results. Anonymous, authenticated by signature.</summary>
public static class BridgeWebhooks
{
    public static IEndpointRouteBuilder MapBridgeWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/bridge/{accountId:guid}").WithTags("Bridge").AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/", ReceiveEvents).WithName("ReceiveBridgeEvents");
        group.MapGet("/actions", PullActions).WithName("PullBridgeActions");
        group.MapPost("/actions/{actionId}/result", ReportResult).WithName("ReportBridgeActionResult");
        return app;
    }

    /// <summary>Checks the whole batch, stores every event in the inbox, and only then answers.</summary>
    public static async Task<IResult> ReceiveEvents(Guid accountId, HttpContext http, BridgeRequestGate gate, IInboxWriter inbox,
        TimeProvider time, CancellationToken ct)
    {
        var checkedRequest = await gate.CheckAsync(http, accountId, ct);
        if (checkedRequest.Problem is not null) return checkedRequest.Problem;
        var (parsed, problem) = Parse<BridgeEventBatch>(checkedRequest.Body!);
        if (problem is not null) return problem;
        var errors = BridgeEventValidator.Validate(parsed);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Some events are not valid; none was stored");

        var account = checkedRequest.Account!;
        var now = time.GetUtcNow();
        // Started in order, so the inbox's group commit keeps the batch's order within each chat.
        var writes = parsed!.Events.Select(e => inbox.AcceptAsync(new InboxItem(account.WorkspaceId, accountId, PlatformKind.Bridge,
            e.Id, e.ChatId, JsonSerializer.Serialize(e with { At = e.At ?? now, Title = e.Title?.Trim() }, BridgeJson.Options)), ct)).ToList();
        var isNew = await Task.WhenAll(writes);
        var accepted = isNew.Count(n => n);
        return TypedResults.Ok(new BridgeAccepted(accepted, isNew.Length - accepted));
    }

    public static async Task<IResult> PullActions(Guid accountId, HttpContext http, BridgeRequestGate gate, BridgePullQueue queue,
        CancellationToken ct, int wait = 0, int max = 10)
    {
        var checkedRequest = await gate.CheckAsync(http, accountId, ct);
        if (checkedRequest.Problem is not null) return checkedRequest.Problem;
        if (checkedRequest.Settings!.Mode != BridgeDeliveryMode.Pull)
            return TypedResults.Problem(statusCode: 409, title: "This bridge account pushes",
                detail: "Actions are POSTed to the account's callbackUrl; set deliveryMode to pull (or remove callbackUrl) to pull them instead.");
        if (wait is < 0 or > 60) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["wait"] = ["Wait 0–60 seconds (the server caps it at its MaxWait)."] });
        if (max is < 1 or > 100) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["max"] = ["Ask for 1–100 actions."] });
        var actions = await queue.LeaseAsync(accountId, max, TimeSpan.FromSeconds(wait), ct);
        return TypedResults.Ok(new BridgeActionBatch(actions));
    }

    public static async Task<IResult> ReportResult(Guid accountId, string actionId, HttpContext http, BridgeRequestGate gate, BridgePullQueue queue,
        CancellationToken ct)
    {
        var checkedRequest = await gate.CheckAsync(http, accountId, ct);
        if (checkedRequest.Problem is not null) return checkedRequest.Problem;
        var (result, problem) = Parse<BridgeActionResult>(checkedRequest.Body!);
        if (problem is not null) return problem;
        if (result?.Status is not (BridgeActionResult.DoneStatus or BridgeActionResult.FailedStatus or BridgeActionResult.RetryStatus))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Unknown status '{result?.Status}'. Use done, failed or retry."] });
        if (result.RetryAfterSeconds is < 0 or > 3600)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["retryAfterSeconds"] = ["Retry after 0–3600 seconds."] });
        if (!long.TryParse(actionId, System.Globalization.CultureInfo.InvariantCulture, out var outboxId))
            return TypedResults.Problem(statusCode: 404, title: "Unknown action", detail: $"'{actionId}' is not an action id this server gave out.");

        return await queue.CompleteAsync(accountId, outboxId, result, ct) switch
        {
            BridgeResultOutcome.Recorded => TypedResults.Ok(new BridgeResultRecorded("recorded")),
            BridgeResultOutcome.AlreadyCompleted => TypedResults.Ok(new BridgeResultRecorded("alreadyCompleted")),
            _ => TypedResults.Problem(statusCode: 404, title: "Unknown action", detail: $"No pulled action '{actionId}' exists for this account."),
        };
    }

    private static (T? Value, IResult? Problem) Parse<T>(byte[] body)
    {
        try
        {
            return (JsonSerializer.Deserialize<T>(body, BridgeJson.Options), null);
        }
        catch (JsonException ex)
        {
            // The reader's message says where: "Path: $.events[0].user | LineNumber: 0 | BytePositionInLine: 57".
            return (default, TypedResults.Problem(statusCode: 400, title: "The request body is not valid Bridge JSON",
                detail: ex.Message.Replace("System.", "", StringComparison.Ordinal),
                extensions: new Dictionary<string, object?> { ["path"] = ex.Path }));
        }
    }
}
