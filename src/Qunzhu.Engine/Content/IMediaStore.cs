namespace Qunzhu.Engine.Content;

/// <summary>Where the bytes of the content library live, addressed by workspace and SHA-256. Connectors
/// read media from here to upload it to their platform.</summary>
public interface IMediaStore
{
    /// <summary>Hashes and stores the stream (at most <paramref name="maxBytes"/>); an existing file with the
    /// same hash is kept as it is.</summary>
    Task<StoredMedia> SaveAsync(Guid workspaceId, Stream content, long maxBytes, CancellationToken ct);

    /// <summary>The stored file, or null when it is not there.</summary>
    Stream? OpenRead(Guid workspaceId, string sha256);
}

/// <param name="Head">The first bytes, for sniffing the type.</param>
/// <param name="TooLarge">The stream was longer than allowed; nothing was stored.</param>
public sealed record StoredMedia(string Sha256, long Size, byte[] Head, bool TooLarge);
