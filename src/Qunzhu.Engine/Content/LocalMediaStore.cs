using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Qunzhu.Core.Content;

namespace Qunzhu.Engine.Content;

/// <summary>Files in a local folder: {root}/{workspace}/{ab}/{sha256}. A file is written to a temporary name
/// while it is hashed and moved into place only when complete, so a crash leaves no half file under a hash.</summary>
public sealed class LocalMediaStore(IOptions<MediaOptions> options) : IMediaStore
{
    private string Root => options.Value.Path ?? System.IO.Path.Combine("data", "media");

    public async Task<StoredMedia> SaveAsync(Guid workspaceId, Stream content, long maxBytes, CancellationToken ct)
    {
        var folder = System.IO.Path.Combine(Root, workspaceId.ToString("N"));
        Directory.CreateDirectory(folder);
        var temp = System.IO.Path.Combine(folder, $".upload-{Guid.NewGuid():N}");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new List<byte>(MediaSniffer.HeaderLength);
        long size = 0;
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes) return new StoredMedia("", size, [.. head], TooLarge: true);
                    if (head.Count < MediaSniffer.HeaderLength) head.AddRange(buffer.Take(Math.Min(read, MediaSniffer.HeaderLength - head.Count)));
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var target = PathOf(workspaceId, sha);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            if (!File.Exists(target)) File.Move(temp, target, overwrite: true);
            return new StoredMedia(sha, size, [.. head], TooLarge: false);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Stream? OpenRead(Guid workspaceId, string sha256)
    {
        var path = PathOf(workspaceId, sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    private string PathOf(Guid workspaceId, string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
        return System.IO.Path.Combine(Root, workspaceId.ToString("N"), sha256[..2], sha256);
    }
}
