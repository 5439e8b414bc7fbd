using System.ComponentModel.DataAnnotations;

namespace Qunzhu.Engine.Content;

/// Settings of the content library's file store, section "Media".
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Folder of the file store; by default "media" beside the SQLite database (the data directory).</summary>
    public string? Path { get; set; }

    [Range(1, 1L << 31)]
    public long MaxImageBytes { get; set; } = 10L << 20;

    [Range(1, 1L << 31)]
    public long MaxVoiceBytes { get; set; } = 2L << 20;

    [Range(1, 1L << 31)]
    public long MaxVideoBytes { get; set; } = 20L << 20;

    [Range(1, 1L << 31)]
    public long MaxFileBytes { get; set; } = 20L << 20;

    public long MaxBytes => Math.Max(Math.Max(MaxImageBytes, MaxVoiceBytes), Math.Max(MaxVideoBytes, MaxFileBytes));

    public long LimitFor(Qunzhu.Core.Content.ContentKind kind) => kind switch
    {
        Qunzhu.Core.Content.ContentKind.Image => MaxImageBytes,
        Qunzhu.Core.Content.ContentKind.Voice => MaxVoiceBytes,
        Qunzhu.Core.Content.ContentKind.Video => MaxVideoBytes,
        _ => MaxFileBytes,
    };
}
