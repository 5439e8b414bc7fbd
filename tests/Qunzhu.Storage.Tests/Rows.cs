using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Points;

namespace Qunzhu.Storage.Tests;

/// Valid rows with only what a test cares about spelled out.
internal static class Rows
{
    /// A fixed instant with microsecond precision: PostgreSQL stores no finer.
    public static readonly DateTime Instant = new(2026, 11, 23, 8, 30, 15, 123, 456, DateTimeKind.Utc);

    public static InboxEvent Inbox(Guid accountId, string eventId, string chatId = "chat-1", int partition = 0) => new()
    {
        WorkspaceId = Guid.CreateVersion7(),
        AccountId = accountId,
        Platform = PlatformKind.Sandbox,
        PlatformEventId = eventId,
        ChatId = chatId,
        Partition = partition,
        Payload = "{}",
        ReceivedAt = Instant,
    };

    public static PointsEntry Points(Guid workspaceId, string key, int amount = 10) => new()
    {
        WorkspaceId = workspaceId,
        MemberId = Guid.CreateVersion7(),
        Key = key,
        Amount = amount,
        Reason = "check-in",
        At = Instant,
    };

    public static OutboundAction Outbox(string idempotencyKey, BotActionKind kind = BotActionKind.SendMessage) => new()
    {
        WorkspaceId = Guid.CreateVersion7(),
        AccountId = Guid.CreateVersion7(),
        ChatId = "chat-1",
        IdempotencyKey = idempotencyKey,
        Kind = kind,
        Text = "你好",
        CreatedAt = Instant,
        NextAttemptAt = Instant,
    };

    public static StaffTask StaffTask(Guid workspaceId, string key) => new()
    {
        WorkspaceId = workspaceId,
        Key = key,
        Kind = nameof(BotActionKind.RemoveMember),
        Title = "请手动移出成员",
        CreatedAt = Instant,
    };

    public static ScheduledJob Job(string key) => new()
    {
        WorkspaceId = Guid.CreateVersion7(),
        Key = key,
        Kind = "welcome",
        DueAt = Instant,
        Payload = "[]",
        CreatedAt = Instant,
    };
}
