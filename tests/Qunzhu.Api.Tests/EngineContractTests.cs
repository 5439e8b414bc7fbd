using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests;

/// What every connector relies on: one stored payload may carry several events, and a chat the bot
/// learns of becomes a community without anyone creating it by hand.
public sealed class EngineContractTests : IAsyncDisposable
{
    // Stands in for the Bridge connector (normalizer and delivery), whose real protocol has one event per payload.
    private readonly QunzhuServer _server = new(services: s => s
        .AddSingleton<IEventNormalizer, LinesNormalizer>()
        .AddSingleton<IPlatformConnector, AcceptingConnector>());

    [Fact]
    public async Task ChatDiscovered_ThenJoinsInOnePayload_CreatesCommunityAndGreetsBothOnce()
    {
        var (workspaceId, accountId) = await BridgeAccountAsync();
        await AcceptAsync(workspaceId, accountId, "ev-1", "chat-1", "discover|读书会\njoin|u1|小王\njoin|u2|小李");

        var community = await Eventually.UntilAsync(async () =>
        {
            await using var db = _server.CreateDbContext();
            return await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.AccountId == accountId && c.ExternalId == "chat-1");
        }, c => c is not null, what: "the discovered community");
        community!.Name.ShouldBe("读书会");
        community.WorkspaceId.ShouldBe(workspaceId);
        community.Platform.ShouldBe(PlatformKind.Bridge);

        // The welcome batch closes after its window and greets both joiners in one message.
        var welcomes = await Eventually.UntilAsync(async () =>
        {
            await using var db = _server.CreateDbContext();
            return await db.Outbox.AsNoTracking().Where(o => o.CommunityId == community.Id && o.Kind == BotActionKind.SendMessage).ToListAsync();
        }, o => o.Count >= 1, what: "a welcome in the outbox");
        welcomes.Count.ShouldBe(1);
        welcomes[0].Text!.ShouldContain("@小王");
        welcomes[0].Text!.ShouldContain("@小李");
        await using (var db = _server.CreateDbContext())
            (await db.Memberships.CountAsync(m => m.CommunityId == community.Id && m.LeftAt == null)).ShouldBe(2);
    }

    [Fact]
    public async Task ChatDiscovered_KnownChat_RenamesWithoutSecondCommunity()
    {
        var (workspaceId, accountId) = await BridgeAccountAsync();
        await AcceptAsync(workspaceId, accountId, "ev-1", "chat-2", "discover|旧名字");
        await AcceptAsync(workspaceId, accountId, "ev-2", "chat-2", "discover|新名字");

        var communities = await Eventually.UntilAsync(async () =>
        {
            await using var db = _server.CreateDbContext();
            return await db.Communities.AsNoTracking().Where(c => c.AccountId == accountId).ToListAsync();
        }, c => c.Count == 1 && c[0].Name == "新名字", what: "the renamed community");
        communities.Single().ExternalId.ShouldBe("chat-2");
    }

    private async Task<(Guid Workspace, Guid Account)> BridgeAccountAsync()
    {
        await using var db = _server.CreateDbContext();
        var workspaceId = (await db.Workspaces.FirstAsync()).Id;
        var account = new PlatformAccount { WorkspaceId = workspaceId, Platform = PlatformKind.Bridge, Name = "test bridge" };
        db.PlatformAccounts.Add(account);
        await db.SaveChangesAsync();
        return (workspaceId, account.Id);
    }

    private Task<bool> AcceptAsync(Guid workspaceId, Guid accountId, string eventId, string chatId, string payload) =>
        _server.Services.GetRequiredService<IInboxWriter>()
            .AcceptAsync(new InboxItem(workspaceId, accountId, PlatformKind.Bridge, eventId, chatId, payload), CancellationToken.None);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// A stand-in platform whose payload is one event per line: "discover|title", "join|id|name".
    private sealed class LinesNormalizer : IEventNormalizer
    {
        public PlatformKind Platform => PlatformKind.Bridge;

        public IReadOnlyList<ChatEvent> Normalize(InboxEvent stored) =>
        [
            .. stored.Payload.Split('\n').Select(line => line.Split('|')).Select(ChatEvent (f) => f[0] switch
            {
                "discover" => new ChatDiscovered(stored.PlatformEventId, stored.ChatId, stored.ReceivedAt, f[1]),
                "join" => new MemberJoined(stored.PlatformEventId, stored.ChatId, stored.ReceivedAt, new ChatUser(f[1], f[2]), null),
                _ => throw new FormatException(f[0]),
            }),
        ];
    }

    /// Delivers everything, like a platform that can do it all.
    private sealed class AcceptingConnector : IPlatformConnector
    {
        public PlatformKind Platform => PlatformKind.Bridge;

        public PlatformCapabilities Capabilities => PlatformCapabilities.Full;

        public Task<DeliveryResult> DeliverAsync(OutboundAction action, CancellationToken cancellationToken) => Task.FromResult(DeliveryResult.Delivered);
    }
}
