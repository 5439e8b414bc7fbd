namespace Qunzhu.Core.Content;

/// <summary>A stored file of the content library. The bytes live in the file store under their SHA-256
/// hash, so the same file uploaded twice is stored once per workspace.</summary>
public sealed class MediaFile
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    /// Lower-case hex SHA-256 of the bytes; unique per workspace.
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// The name it was uploaded with.
    public required string FileName { get; set; }
    public DateTime CreatedAt { get; set; }
}
