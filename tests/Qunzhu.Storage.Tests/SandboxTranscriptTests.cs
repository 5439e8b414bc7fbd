using System.Text.Json;
using Qunzhu.Connectors.Sandbox;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Processing;
using Qunzhu.Testing;

namespace Qunzhu.Storage.Tests;

/// The transcript reads a chat's history from two partial indexes: settled events from the chat-history index and
/// events still queued from the queue. A member's message must show the moment it is accepted, processed or not.
public sealed class SandboxTranscriptTests
{
    private const int PartitionCount = 8;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory, DatabaseData]
    public async Task ReadAsync_SettledAndQueuedEventsOfTheChat_InArrivalOrder_OtherChatsLeftOut(StorageProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var community = new Community
        {
            WorkspaceId = Guid.CreateVersion7(),
            AccountId = Guid.CreateVersion7(),
            Platform = PlatformKind.Sandbox,
            ExternalId = "sandbox-chat-a",
            Name = "试用群",
            CreatedAt = Rows.Instant,
        };
        var partition = Partitions.Of(community.ExternalId, PartitionCount);
        // Alternating: settled, queued, settled, queued … plus a failed one, and the same chat id on another account.
        List<InboxEvent> rows = [];
        for (var i = 0; i < 6; i++)
        {
            var row = Message(community.AccountId, community.ExternalId, partition, $"e{i}", $"第{i}条");
            row.Status = i switch { 4 => InboxStatus.Failed, _ when i % 2 == 0 => InboxStatus.Processed, _ => InboxStatus.Pending };
            rows.Add(row);
        }
        rows.Add(Message(Guid.CreateVersion7(), community.ExternalId, partition, "other-account", "别的账号"));
        rows.Add(Message(community.AccountId, "sandbox-chat-b", Partitions.Of("sandbox-chat-b", PartitionCount), "other-chat", "别的群"));
        await using (var db = database.CreateContext())
        {
            db.Inbox.AddRange(rows);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var lines = await SandboxTranscript.ReadAsync(read, community, PartitionCount, 200, CancellationToken.None);

        lines.Select(l => l.Text).ShouldBe(["第0条", "第1条", "第2条", "第3条", "第4条", "第5条"]);
        lines.Select(l => l.EventId).ShouldBe(["e0", "e1", "e2", "e3", "e4", "e5"]);

        // The limit keeps the newest, whichever index they came from.
        var lastTwo = await SandboxTranscript.ReadAsync(read, community, PartitionCount, 2, CancellationToken.None);
        lastTwo.Select(l => l.Text).ShouldBe(["第4条", "第5条"]);
    }

    private static InboxEvent Message(Guid accountId, string chatId, int partition, string eventId, string text)
    {
        var row = Rows.Inbox(accountId, eventId, chatId, partition);
        row.Payload = JsonSerializer.Serialize(new SandboxPayload("message", "m1", "小王", text, null, Rows.Instant), Json);
        return row;
    }
}
