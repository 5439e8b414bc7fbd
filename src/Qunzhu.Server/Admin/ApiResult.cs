namespace Qunzhu.Server.Admin;

/// A handler's answer as a page needs it: the value, or the status, message and per-field errors.
public sealed record ApiResult<T>(bool Ok, T? Value, int Status, string Message, IDictionary<string, string[]>? Errors)
{
    /// The first message for a field (as the API names it), to show next to that field.
    public string? ErrorFor(string field) =>
        Errors?.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase) || e.Key.EndsWith("." + field, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public string Summary => Errors is { Count: > 0 } ? string.Join(" ", Errors.SelectMany(e => e.Value)) : Message;
}
