namespace Qunzhu.Bridge.Client;

/// <summary>The "type" of an outbound action.</summary>
public static class BridgeActionTypes
{
    /// <summary>Post text to the chat.</summary>
    public const string SendMessage = "message.send";
    /// <summary>Delete the message messageId.</summary>
    public const string DeleteMessage = "message.delete";
    /// <summary>Stop userId from posting for durationSeconds.</summary>
    public const string MuteMember = "member.mute";
    /// <summary>Remove userId from the chat.</summary>
    public const string RemoveMember = "member.remove";
    /// <summary>Let userId in (answer to join.requested).</summary>
    public const string ApproveJoin = "join.approve";
    /// <summary>Turn userId's join request down.</summary>
    public const string DeclineJoin = "join.decline";
}
