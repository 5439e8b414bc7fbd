namespace Qunzhu.Engine.Processing;

/// <summary>Maps a chat to a partition with a stable hash (string.GetHashCode is randomized per process,
/// and several nodes must agree).</summary>
public static class Partitions
{
    public static int Of(string chatId, int count)
    {
        var hash = 2166136261u;
        foreach (var c in chatId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)count);
    }
}
