namespace Qunzhu.Core.Platforms;

public enum BotActionKind
{
    SendMessage,
    DeleteMessage,
    MuteMember,
    RemoveMember,
    ApproveJoinRequest,
    DeclineJoinRequest,
}
