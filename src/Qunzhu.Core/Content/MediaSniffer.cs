using System.Text;

namespace Qunzhu.Core.Content;

/// <summary>What a file really is, from its first bytes: the declared content type of an upload is the
/// client's claim, the magic number is the file's.</summary>
public static class MediaSniffer
{
    public const int HeaderLength = 16;

    /// <summary>The content type and the kind it fits, or null when the bytes are no known image, audio or
    /// video format (such a file can still be a plain file item).</summary>
    public static (string ContentType, ContentKind Kind)? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return ("image/jpeg", ContentKind.Image);
        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ("image/png", ContentKind.Image);
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return ("image/gif", ContentKind.Image);
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return ("image/webp", ContentKind.Image);
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8)) return ("audio/wav", ContentKind.Voice);
        if (head.StartsWith("#!AMR"u8)) return ("audio/amr", ContentKind.Voice);
        if (head.StartsWith("OggS"u8)) return ("audio/ogg", ContentKind.Voice);
        if (head.StartsWith("ID3"u8) || head.StartsWith((byte[])[0xFF, 0xFB])) return ("audio/mpeg", ContentKind.Voice);
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head[8..12]);
            return brand.StartsWith("M4A", StringComparison.Ordinal) ? ("audio/mp4", ContentKind.Voice) : ("video/mp4", ContentKind.Video);
        }
        if (head.StartsWith("%PDF"u8)) return ("application/pdf", ContentKind.File);
        return null;
    }
}
