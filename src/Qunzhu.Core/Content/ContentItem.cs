namespace Qunzhu.Core.Content;

/// <summary>One item of the content library: a text, a media file with a caption, a link or a card.
/// Text, title and description may hold variables ({member}, {group}, {date}, a group's own values).</summary>
public sealed class ContentItem
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid WorkspaceId { get; set; }
    public ContentKind Kind { get; set; }
    public required string Title { get; set; }
    /// The message text, or a media item's caption.
    public string? Text { get; set; }
    /// A link's or card's description.
    public string? Description { get; set; }
    /// A link's address.
    public string? Url { get; set; }
    /// The file of an image, voice, video or file item.
    public Guid? MediaId { get; set; }
    /// A link's or card's cover image.
    public Guid? CoverMediaId { get; set; }
    /// A mini-program card's app id (appid).
    public string? CardAppId { get; set; }
    /// A mini-program card's page path (page).
    public string? CardPagePath { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
