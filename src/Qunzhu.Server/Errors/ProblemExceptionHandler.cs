using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Qunzhu.Server.Errors;

/// <summary>The one error pipeline: unreadable requests become 400 with what was wrong; anything
/// unexpected becomes a 500 problem without a stack trace.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "The request body is not valid JSON", Clean(json.Message)),
            BadHttpRequestException bad when bad.StatusCode == 413 => (413, "The request is too large", bad.Message),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", bad.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, "Client closed request", null),
            // Endpoints check for duplicates first; two requests at the same moment can both pass that check,
            // and the unique index stops the second. That is a conflict for the caller, not our error.
            Microsoft.EntityFrameworkCore.DbUpdateException db when Qunzhu.Storage.StorageErrors.IsUniqueViolation(db) => (409, "Already exists",
                "Another request stored the same thing a moment ago. Reload to see it; change the name or key to add another."),
            _ => (500, "Something went wrong on our side", "The error was logged. Try again; if it persists, contact the administrator."),
        };
        if (status == 500) LogUnhandled(logger, exception, httpContext.Request.Path);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
            Exception = exception,
        });
    }

    // System.Text.Json messages name .NET types; the path and position are what a caller can act on.
    private static string Clean(string message) => message.Replace("System.", "", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
