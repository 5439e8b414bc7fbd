namespace Qunzhu.Core.Platforms;

public enum BotActionKind
{
    SendMessage,
    DeleteMessage,
    MuteMember,
    RemoveMember,
    ApproveJoinRequest,
    DeclineJoinRequest,
    /// <summary>A private message to <c>TargetUserId</c> (member SOP steps).</summary>
    SendPrivateMessage,
}
