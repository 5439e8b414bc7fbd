namespace Qunzhu.Bridge.Client;

/// <summary>The "type" of an inbound event.</summary>
public static class BridgeEventTypes
{
    /// <summary>The bridge's account is in a chat (added to it, or found at start): Qunzhu creates the community. Needs title.</summary>
    public const string ChatDiscovered = "chat.discovered";
    /// <summary>A chat got a new title. Needs title.</summary>
    public const string ChatRenamed = "chat.renamed";
    /// <summary>Someone joined. Needs user; inviteCode when the platform tells how they came.</summary>
    public const string MemberJoined = "member.joined";
    /// <summary>Someone left or was removed by someone else. Needs user.</summary>
    public const string MemberLeft = "member.left";
    /// <summary>Someone posted a message. Needs user, text and messageId.</summary>
    public const string MessagePosted = "message.posted";
    /// <summary>Someone asked to join a chat that needs approval. Needs user; text holds their answer, if any.</summary>
    public const string JoinRequested = "join.requested";

    /// <summary>Every type, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [ChatDiscovered, ChatRenamed, MemberJoined, MemberLeft, MessagePosted, JoinRequested];
}
