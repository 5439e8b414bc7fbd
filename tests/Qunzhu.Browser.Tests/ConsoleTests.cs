using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qunzhu.Browser.Tests;

/// The owner's daily work in the console, in a real browser.
public sealed class ConsoleTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Login_AnonymousThenBootstrapOwner_LandsOnChineseDashboard()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        page.Url.ShouldStartWith(host.BaseUrl + "/login");
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");

        await page.FillAsync("#email", ConsoleHost.OwnerEmail);
        await page.FillAsync("#password", "wrong password");
        await page.ClickAsync("[data-testid=login-submit]");
        await Expect(page.ByTestId("login-error")).ToContainTextAsync("邮箱或密码不正确");

        await page.FillAsync("#email", ConsoleHost.OwnerEmail);
        await page.FillAsync("#password", ConsoleHost.OwnerPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(host.BaseUrl + "/");
        await Expect(page.Locator("h5", new() { HasText = "概览" })).ToBeVisibleAsync();
        await Expect(page.ByTestId("stat-communities")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task SandboxGroup_CreatedAndMemberJoins_WelcomeAppearsWithoutRefresh()
    {
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/communities");
        await page.Field("new-group-name").FillAsync("浏览器读书会");
        await page.ByTestId("create-group").ClickAsync();
        await Expect(page.ByTestId("community-name")).ToHaveTextAsync("浏览器读书会");
        await page.Interactive();

        await page.Field("chat-member").FillAsync("小明");
        await page.ByTestId("chat-join").ClickAsync();
        // The bot's welcome is posted by the engine in the background; the page shows it by itself.
        // (Either the built-in welcome or another test's template text: both name the member and the group.)
        await Expect(page.ByTestId("bot-line")).ToContainTextAsync("@小明");
        await Expect(page.ByTestId("bot-line")).ToContainTextAsync("浏览器读书会");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Template_WelcomeEdited_PreviewAndBotUseNewText()
    {
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/templates");
        await page.ByTestId("template-link").First.ClickAsync();
        await page.Field("welcome-text").FillAsync("你好 {member}，这里是{group}！");
        await Expect(page.ByTestId("preview-welcome")).ToContainTextAsync("你好 @小王，这里是读书会！");
        await page.ByTestId("save-template").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存");

        var group = await host.CreateGroupAsync("模板测试群");
        await page.GoInteractiveAsync($"/communities/{group}");
        await page.Field("chat-member").FillAsync("阿杰");
        await page.ByTestId("chat-join").ClickAsync();
        await Expect(page.ByTestId("bot-line")).ToContainTextAsync("你好 @阿杰，这里是模板测试群！");

        // Put the built-in welcome back for the other tests in this class.
        await page.GoInteractiveAsync("/templates");
        await page.ByTestId("template-link").First.ClickAsync();
        await page.Field("welcome-text").FillAsync("");
        await page.ByTestId("save-template").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("已保存");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AutoReply_AddedInConsole_BotAnswersInSandboxChat()
    {
        var group = await host.CreateGroupAsync("自动回复群");
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/auto-replies");
        await page.Field("ar-keywords").FillAsync("课表");
        await page.Field("ar-reply").FillAsync("{member}，课表见群公告");
        await page.ByTestId("ar-save").ClickAsync();
        await Expect(page.Locator("td", new() { HasText = "课表见群公告" }).First).ToBeVisibleAsync();

        await page.GoInteractiveAsync($"/communities/{group}");
        await page.Field("chat-member").FillAsync("小李");
        await page.Field("chat-text").FillAsync("请问课表在哪");
        await page.ByTestId("chat-send").ClickAsync();
        await Expect(page.ByTestId("bot-line").Filter(new() { HasText = "课表见群公告" })).ToContainTextAsync("小李，课表见群公告");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Language_SwitchedToEnglish_StaysEnglishAfterSigningInAgain()
    {
        await host.CreateStaffAsync("lang@example.com", "admin", "lang password 123");
        var page = await host.SignInAsync("lang@example.com", "lang password 123");
        await Expect(page.Locator("h5", new() { HasText = "概览" })).ToBeVisibleAsync();
        await page.ByTestId("language-switch").ClickAsync();
        await page.Interactive();
        await Expect(page.Locator("h5", new() { HasText = "Dashboard" })).ToBeVisibleAsync();
        await Expect(page.ByTestId("stat-messages")).ToContainTextAsync("Messages today");
        await page.Context.CloseAsync();

        // The choice is stored on the user, not in this browser.
        var again = await host.SignInAsync("lang@example.com", "lang password 123");
        await Expect(again.ByTestId("stat-messages")).ToContainTextAsync("Messages today");
        await again.Context.CloseAsync();
    }
}
