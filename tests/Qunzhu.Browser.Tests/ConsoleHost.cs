using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Qunzhu.Testing;
using static Microsoft.Playwright.Assertions;

namespace Qunzhu.Browser.Tests;

/// <summary>One real server on a loopback Kestrel port and one headless Debian Chromium per test class; each test
/// gets a fresh browser context (its own cookies), which is cheap.</summary>
public sealed class ConsoleHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string OwnerEmail = "owner@example.com";
    public const string OwnerPassword = "correct horse battery staple";
    // Live sessions re-check their staff member every second here (30 s in production), so a revoked session shows quickly.
    private readonly QunzhuServer _server = new(settings: new Dictionary<string, string?> { ["Console:RevalidationInterval"] = "00:00:01" });
    private IPlaywright? _playwright;

    /// The real server; static web assets (MudBlazor's css/js, blazor.web.js) are served from the build as in Development.
    public WebApplicationFactory<Program> Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public HttpClient Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium");
        Server = _server.WithWebHostBuilder(b => b.UseStaticWebAssets().UseSetting("urls", "http://127.0.0.1:0"));
        Server.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        Server.StartServer();
        BaseUrl = Server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", QunzhuServer.ApiKey);
        // The welcome waits out its batch window (3 s) and the engine shares two cores with the build: allow for both.
        SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    /// <summary>A new context signed in as the given staff member, on the dashboard with a live circuit.</summary>
    public async Task<IPage> SignInAsync(string email = OwnerEmail, string password = OwnerPassword, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",   // the console must still start in Chinese: it never follows the browser's language
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        await page.Interactive();
        return page;
    }

    public async Task<Guid> CreateGroupAsync(string name)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/sandbox/groups", new { name, type = "learning" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    public async Task<Guid> CreateStaffAsync(string email, string role, string password)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/staff", new { email, role, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        await Server.DisposeAsync();
        await _server.DisposeAsync();
    }

    private sealed record IdOnly(Guid Id);
}
