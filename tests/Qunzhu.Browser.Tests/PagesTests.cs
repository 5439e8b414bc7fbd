using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qunzhu.Browser.Tests;

/// <summary>Every main page renders with data, without the error bar, and fits a 390 px phone screen. With
/// QUNZHU_SCREENSHOTS=&lt;folder&gt; the pages are also saved as PNGs (that is how docs/screenshots is made).</summary>
public sealed class PagesTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly string[] Pages =
        ["/", "/communities", "{group}", "/templates", "{template}", "/members", "/auto-replies", "/sensitive-words", "/leaderboards", "/staff-tasks", "/staff", "/api-keys", "/audit-log"];

    [Fact]
    public async Task MainPages_WithData_RenderAndFitPhoneWidth()
    {
        var (group, template) = await SeedAsync();
        var folder = Environment.GetEnvironmentVariable("QUNZHU_SCREENSHOTS");
        foreach (var (width, height, suffix) in new[] { (1280, 860, ""), (390, 844, "-phone") })
        {
            var page = await host.SignInAsync(width: width, height: height);
            foreach (var path in Pages)
            {
                var url = path.Replace("{group}", $"/communities/{group}", StringComparison.Ordinal).Replace("{template}", $"/templates/{template}", StringComparison.Ordinal);
                await page.GoInteractiveAsync(url);
                await Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
                if (path == "{group}") await Expect(page.ByTestId("bot-line").First).ToBeVisibleAsync();
                await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
                var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                overflow.ShouldBeLessThanOrEqualTo(width < 600 ? 8 : 0, $"{url} is wider than the {width}px screen");
                if (folder is not null)
                {
                    var name = path switch { "/" => "dashboard", "{group}" => "community-chat", "{template}" => "template-editor", _ => path.Trim('/') };
                    if (suffix.Length == 0 || path is "/" or "{group}" or "/communities")
                        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + suffix + ".png"), FullPage = suffix.Length == 0 });
                }
            }
            await page.Context.CloseAsync();
        }
        if (folder is not null)
        {
            var overrides = await host.SignInAsync(width: 1280, height: 860);
            await overrides.GoInteractiveAsync($"/communities/{group}");
            await overrides.GetByRole(AriaRole.Tab, new() { Name = "本群设置" }).ClickAsync();
            await Expect(overrides.ByTestId("section-own").First).ToBeVisibleAsync();
            await overrides.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "community-overrides.png"), FullPage = true });
            await overrides.Context.CloseAsync();
            var login = await (await host.Browser.NewContextAsync(new() { BaseURL = host.BaseUrl, ViewportSize = new() { Width = 1280, Height = 700 } })).NewPageAsync();
            await login.GotoAsync("/login");
            await login.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "login.png") });
            await login.Context.CloseAsync();
        }
    }

    private async Task<(Guid Group, Guid Template)> SeedAsync()
    {
        var api = host.Api;
        var group = await host.CreateGroupAsync("读书会·一群");
        await host.CreateGroupAsync("早起打卡群");
        await host.CreateGroupAsync("团购福利群");
        (await api.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { "课表" }, match = "contains", reply = "{member}，课表见群公告 📅" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/moderation/sensitive-words", new { words = new[] { "代开发票", "刷单", "加微信" } })).EnsureSuccessStatusCode();
        await host.CreateStaffAsync("yunying@example.com", "operator", "operator password 1");
        foreach (var (id, name) in new[] { ("u1", "小王"), ("u2", "小李"), ("u3", "阿杰") })
            (await api.PostAsJsonAsync($"/api/v1/sandbox/groups/{group}/events", new { kind = "join", memberId = id, memberName = name })).EnsureSuccessStatusCode();
        foreach (var (id, name, text) in new[] { ("u1", "小王", "签到"), ("u2", "小李", "签到"), ("u3", "阿杰", "请问课表在哪"), ("u2", "小李", "加微信领福利 http://spam.example") })
            (await api.PostAsJsonAsync($"/api/v1/sandbox/groups/{group}/events", new { kind = "message", memberId = id, memberName = name, text })).EnsureSuccessStatusCode();
        var early = await host.CreateGroupAsync("早起打卡二群");
        (await api.PostAsJsonAsync("/api/v1/community-tags/apply", new { communityIds = new[] { group, early }, add = new[] { "会员" } })).EnsureSuccessStatusCode();
        (await api.PutAsJsonAsync($"/api/v1/communities/{group}/overrides",
            new { checkIn = new { keywords = new[] { "签到", "打卡" }, points = 20, streakBonuses = new[] { new { days = 7, points = 50 } } } })).EnsureSuccessStatusCode();
        var templates = await api.GetFromJsonAsync<List<IdOnly>>("/api/v1/templates");
        return (group, templates![0].Id);
    }

    private sealed record IdOnly(Guid Id);
}
