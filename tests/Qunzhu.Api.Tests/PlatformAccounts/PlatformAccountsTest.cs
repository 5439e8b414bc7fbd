using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Qunzhu.Engine.Accounts;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.PlatformAccounts;

/// <summary>A server with the recording account type and every log line captured (at Debug).</summary>
public abstract class PlatformAccountsTest : IAsyncDisposable
{
    protected PlatformAccountsTest()
    {
        Server = new QunzhuServer(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" }, services: s =>
        {
            s.AddSingleton(Type);
            s.AddSingleton<IPlatformAccountType>(Type);
            s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        });
        Http = Server.CreateApiClient();
    }

    protected RecordingAccountType Type { get; } = new();

    protected LogCapture Logs { get; } = new();

    protected QunzhuServer Server { get; }

    protected HttpClient Http { get; }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    protected async Task<Guid> CreateAsync(string secret = RecordingAccountType.GoodKey, string name = "我的桥")
    {
        var created = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/platform-accounts", new
        {
            platform = "bridge",
            name,
            settings = new { sharedSecret = secret, callbackUrl = "https://bridge.example.com/qunzhu", mode = "push" },
        }), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
