using Qunzhu.Core.Content;

namespace Qunzhu.Core.Platforms;

/// <summary>What a platform really allows. Features degrade to this instead of pretending:
/// an action the platform cannot perform becomes a staff task.</summary>
public sealed record PlatformCapabilities
{
    /// <summary>The bot sees ordinary group messages (needed for check-in, auto-reply, moderation).</summary>
    public bool ReadsMessages { get; init; } = true;
    /// <summary>The bot can post to the group without a human confirming each message.</summary>
    public bool PostsFreely { get; init; } = true;
    /// <summary>The bot can remove a member from the group.</summary>
    public bool RemovesMembers { get; init; } = true;
    /// <summary>The bot can stop a member from posting for a while.</summary>
    public bool MutesMembers { get; init; } = true;
    /// <summary>The bot can delete a member's message.</summary>
    public bool DeletesMessages { get; init; } = true;
    /// <summary>The kinds of content the platform can send to a group; null means every kind.</summary>
    public IReadOnlyList<ContentKind>? ContentKinds { get; init; }
    /// <summary>The longest message text the platform accepts, in characters; null means no known limit.</summary>
    public int? MaxTextLength { get; init; }
    /// <summary>The bot can message a member privately (needed by member SOP steps).</summary>
    public bool MessagesMembersPrivately { get; init; } = true;
    /// <summary>The bot can approve or decline requests to join the group.</summary>
    public bool HandlesJoinRequests { get; init; } = true;

    public static PlatformCapabilities Full { get; } = new();

    /// <summary>What both allow: a chat's own settings can narrow an account's declaration, never widen it.</summary>
    public PlatformCapabilities Intersect(PlatformCapabilities other) => this with
    {
        ReadsMessages = ReadsMessages && other.ReadsMessages,
        PostsFreely = PostsFreely && other.PostsFreely,
        RemovesMembers = RemovesMembers && other.RemovesMembers,
        MutesMembers = MutesMembers && other.MutesMembers,
        DeletesMessages = DeletesMessages && other.DeletesMessages,
        HandlesJoinRequests = HandlesJoinRequests && other.HandlesJoinRequests,
        MessagesMembersPrivately = MessagesMembersPrivately && other.MessagesMembersPrivately,
    };

    /// <summary>What each platform allows when no connector says otherwise (DESIGN.md, "Platforms, honestly").</summary>
    public static PlatformCapabilities DefaultsFor(PlatformKind platform) => platform switch
    {
        PlatformKind.Telegram => new PlatformCapabilities
        {
            ContentKinds = [ContentKind.Text, ContentKind.Image, ContentKind.Voice, ContentKind.Video, ContentKind.File, ContentKind.Link],
            MaxTextLength = 4096,
            // A bot can only write to a user who started a chat with it first.
            MessagesMembersPrivately = false,
        },
        // Group messages go out through add_msg_template, each confirmed by a staff member.
        PlatformKind.WeCom => new PlatformCapabilities
        {
            ReadsMessages = false,
            PostsFreely = false,
            RemovesMembers = false,
            MutesMembers = false,
            DeletesMessages = false,
            HandlesJoinRequests = false,
            ContentKinds = [ContentKind.Text, ContentKind.Image, ContentKind.Video, ContentKind.File, ContentKind.Link, ContentKind.Card],
            MaxTextLength = 4000,
            MessagesMembersPrivately = false,
        },
        _ => Full,
    };

    public bool Supports(BotActionKind kind) => kind switch
    {
        BotActionKind.SendMessage => PostsFreely,
        BotActionKind.DeleteMessage => DeletesMessages,
        BotActionKind.MuteMember => MutesMembers,
        BotActionKind.RemoveMember => RemovesMembers,
        BotActionKind.ApproveJoinRequest or BotActionKind.DeclineJoinRequest => HandlesJoinRequests,
        BotActionKind.SendPrivateMessage => MessagesMembersPrivately,
        _ => false,
    };

    public bool Sends(ContentKind kind) => ContentKinds is null || ContentKinds.Contains(kind);
}
