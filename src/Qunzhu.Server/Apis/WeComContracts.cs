using Qunzhu.Core.WeCom;

namespace Qunzhu.Server.Apis;

public sealed record WeComSyncResponse(int Groups, int Created, int Renamed, int Members, int JoinsRecorded, int LeavesRecorded);

/// <param name="CommunityIds">1 to 5 WeCom groups of this account (WeCom's limit per join way).</param>
/// <param name="State">≤ 30 characters; joins carrying it are attributed to this code. Generated when omitted.</param>
public sealed record CreateJoinWayRequest(IReadOnlyList<Guid>? CommunityIds, string? State, string? Remark);

/// <param name="Joins">Members who joined through it (current and former).</param>
/// <param name="ActiveMembers">Of those, still in the group.</param>
public sealed record JoinWayResponse(Guid Id, string State, string? Remark, string ConfigId, string? QrCode,
    IReadOnlyList<Guid> CommunityIds, DateTime CreatedAt, int Joins, int ActiveMembers);

public sealed record CreateGroupMessageRequest(IReadOnlyList<Guid>? CommunityIds, string? Text);

public sealed record GroupMessagesResponse(IReadOnlyList<GroupMessageResponse> Messages);

/// <param name="Status">waitingForConfirmation, sent, partlySent or failed.</param>
/// <param name="StatusText">What it means for the operator, in the workspace's language.</param>
/// <param name="Groups">Per group: waiting, sent, notAContact, overCap or refused.</param>
public sealed record GroupMessageResponse(Guid Id, string MsgId, string Sender, WeComGroupMessageStatus Status, string StatusText,
    string Text, IReadOnlyList<GroupMessageGroup> Groups, DateTime CreatedAt, DateTime? RefreshedAt, string? LastError);

public sealed record GroupMessageGroup(Guid? CommunityId, string ChatId, string Status);
