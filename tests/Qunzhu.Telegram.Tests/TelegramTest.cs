using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Connectors.Telegram;
using Qunzhu.Core.Platforms;
using Qunzhu.Testing;
using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// <summary>The real server with a Telegram bot account pointed at a fresh fake Bot API. The test plays
/// Telegram's side of the webhook: it posts updates the way Telegram does, with the secret header.</summary>
public abstract class TelegramTest : IAsyncLifetime
{
    public const string Secret = "webhook-secret_0123456789";

    protected FakeBotApi Fake { get; private set; } = null!;

    protected QunzhuServer Server { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    /// <summary>Every log line the server wrote (at the level <see cref="Settings"/> sets).</summary>
    protected LogCapture Logs { get; } = new();

    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Telegram:PollTimeoutSeconds"] = "1",
        ["Telegram:AccountRefresh"] = "00:00:00.200",
        ["Telegram:PollErrorDelay"] = "00:00:00.200",
    };

    public async ValueTask InitializeAsync()
    {
        Fake = await FakeBotApi.StartAsync();
        Server = new QunzhuServer(settings: Settings,
            services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
        Http = Server.CreateApiClient();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Fake.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    protected async Task<Guid> CreateBotAsync(string mode = "webhook", string token = FakeBotApi.Token)
    {
        var created = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/platform-accounts", new
        {
            platform = "telegram",
            name = "社群机器人",
            settings = new Dictionary<string, string> { ["botToken"] = token, ["webhookSecret"] = Secret, ["apiBaseUrl"] = Fake.BaseUrl.ToString(), ["mode"] = mode },
        }), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    protected Task<HttpResponseMessage> PushAsync(Guid account, JsonObject update, string? secret = Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/telegram/{account}")
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        return Server.CreateClient().SendAsync(request);
    }

    protected async Task PushOkAsync(Guid account, JsonObject update) => await JsonAsync(await PushAsync(account, update), HttpStatusCode.OK);

    /// <summary>Adds the bot to a group the way Telegram reports it, and waits for the community.</summary>
    protected async Task<Guid> AddBotAsync(Guid account, long chatId, string title = "读书会")
    {
        await PushOkAsync(account, Updates.BotAdded(Updates.NextId(), chatId, title));
        return await CommunityAsync(chatId);
    }

    protected async Task<Guid> CommunityAsync(long chatId)
    {
        var external = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var community = await Eventually.UntilAsync(async () =>
        {
            await using var db = Server.CreateDbContext();
            return await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Platform == PlatformKind.Telegram && c.ExternalId == external);
        }, c => c is not null, what: $"community for chat {chatId}");
        return community!.Id;
    }

    /// <summary>The texts the bot sent to the chat, once at least <paramref name="count"/> arrived at the fake.</summary>
    protected async Task<List<string>> SentAsync(long chatId, int count, TimeSpan? timeout = null)
    {
        var chat = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var calls = await Eventually.UntilAsync(() => Task.FromResult(Fake.CallsTo("sendMessage").Where(c => c.Chat == chat).ToList()),
            c => c.Count >= count, timeout, $"{count} messages to chat {chatId}");
        return [.. calls.Select(c => c.Get("text")!)];
    }

    protected Task<List<FakeCall>> CallsAsync(string method, int count, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(() => Task.FromResult(Fake.CallsTo(method).ToList()), c => c.Count >= count, timeout, $"{count} {method} calls");
}
