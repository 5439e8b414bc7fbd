using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;

namespace Qunzhu.Server.Apis;

public sealed record StaffTaskResponse(Guid Id, Guid? CommunityId, Guid? MemberId, string Kind, string Title, string? Detail,
    StaffTaskStatus Status, DateTime CreatedAt, DateTime? DoneAt);

public sealed record DeliveryResponse(long Id, Guid? CommunityId, BotActionKind Kind, string? Text, string? TargetUserId, OutboxStatus Status,
    int Attempts, string? LastError, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? DeliveredAt);

public sealed record InboxEventResponse(long Sequence, string PlatformEventId, string ChatId, InboxStatus Status, int Attempts, string? Error,
    DateTime ReceivedAt, DateTime? ProcessedAt);

public sealed record InboxReport(int Pending, PagedList<InboxEventResponse> Failed);
