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
    /// <summary>The bot can approve or decline requests to join the group.</summary>
    public bool HandlesJoinRequests { get; init; } = true;

    public static PlatformCapabilities Full { get; } = new();

    /// <summary>What both allow: a chat's own settings can narrow an account's declaration, never widen it.</summary>
    public PlatformCapabilities Intersect(PlatformCapabilities other) => new()
    {
        ReadsMessages = ReadsMessages && other.ReadsMessages,
        PostsFreely = PostsFreely && other.PostsFreely,
        RemovesMembers = RemovesMembers && other.RemovesMembers,
        MutesMembers = MutesMembers && other.MutesMembers,
        DeletesMessages = DeletesMessages && other.DeletesMessages,
        HandlesJoinRequests = HandlesJoinRequests && other.HandlesJoinRequests,
    };

    public bool Supports(BotActionKind kind) => kind switch
    {
        BotActionKind.SendMessage => PostsFreely,
        BotActionKind.DeleteMessage => DeletesMessages,
        BotActionKind.MuteMember => MutesMembers,
        BotActionKind.RemoveMember => RemovesMembers,
        BotActionKind.ApproveJoinRequest or BotActionKind.DeclineJoinRequest => HandlesJoinRequests,
        _ => false,
    };
}
