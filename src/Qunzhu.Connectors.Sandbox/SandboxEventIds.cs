namespace Qunzhu.Connectors.Sandbox;

/// <summary>A caller's event id is unique within its group; the inbox is unique per account, and every
/// sandbox group of a workspace shares the sandbox account. So the stored id of a caller's id is
/// "{group}/{eventId}". An id the sandbox draws itself (the caller sent none) is unique everywhere and is stored
/// as it is: it grows with time, so new ids land at the end of the inbox's unique index, where one commit's ids
/// share a page, instead of one page per group.</summary>
public static class SandboxEventIds
{
    /// <summary>The longest id a caller may give: its stored form, with the group prefix, must fit the inbox's column.</summary>
    public const int MaxCallerIdLength = Core.Pipeline.InboxEvent.MaxIdLength - 33;

    /// <summary>A fresh id for an event the caller sent without one.</summary>
    public static string New() => "auto-" + Core.Ids.NewV7().ToString("N");

    public static string Stored(Guid communityId, string eventId) => $"{communityId:N}/{eventId}";

    public static string Caller(string storedId)
    {
        var slash = storedId.IndexOf('/', StringComparison.Ordinal);
        return slash == 32 ? storedId[(slash + 1)..] : storedId;
    }
}
