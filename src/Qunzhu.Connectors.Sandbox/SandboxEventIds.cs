namespace Qunzhu.Connectors.Sandbox;

/// <summary>A caller's event id is unique within its group; the inbox is unique per account, and every
/// sandbox group of a workspace shares the sandbox account. So the stored id is "{group}/{eventId}".</summary>
public static class SandboxEventIds
{
    public static string Stored(Guid communityId, string eventId) => $"{communityId:N}/{eventId}";

    public static string Caller(string storedId)
    {
        var slash = storedId.IndexOf('/', StringComparison.Ordinal);
        return slash == 32 ? storedId[(slash + 1)..] : storedId;
    }
}
