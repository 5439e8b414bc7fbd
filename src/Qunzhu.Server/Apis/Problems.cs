using Microsoft.AspNetCore.Http.HttpResults;

namespace Qunzhu.Server.Apis;

/// Problem details a caller can act on.
public static class Problems
{
    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: 404, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} with id '{id}' exists in your workspace.");

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: 409, title: title, detail: detail);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
