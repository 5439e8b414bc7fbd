using Qunzhu.Testing.Telegram;
using static Microsoft.Playwright.Assertions;

namespace Qunzhu.Browser.Tests;

/// Connecting a Telegram bot in the console, against a fake Bot API on 127.0.0.1.
public sealed class PlatformAccountTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task ConnectTelegram_InConsole_WebhookUrlShownTestSucceedsTokenNeverShown()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/platform-accounts");
        await page.ByTestId("pick-telegram").ClickAsync();
        await page.Field("new-account-name").FillAsync("浏览器机器人");
        await page.Field("setting-botToken").FillAsync(FakeBotApi.Token);
        await page.Field("setting-webhookSecret").FillAsync("console-secret_0123");
        await page.Field("setting-apiBaseUrl").FillAsync(fake.BaseUrl.ToString());
        await page.ByTestId("create-account").ClickAsync();

        await Expect(page.ByTestId("account-name")).ToHaveTextAsync("浏览器机器人");
        var webhook = await page.Field("webhook-url").InputValueAsync();
        webhook.ShouldStartWith(host.BaseUrl + "/webhooks/telegram/");
        fake.WebhookUrl.ShouldBe(webhook);   // saving registered the same URL with Telegram (setWebhook)
        await Expect(page.ByTestId("secret-state-botToken")).ToContainTextAsync("已设置");
        (await page.Field("setting-botToken").InputValueAsync()).ShouldBeEmpty();
        await Expect(page.ByTestId("last-event")).ToContainTextAsync("尚未收到");

        await page.ByTestId("test-connection").ClickAsync();
        await Expect(page.ByTestId("test-result")).ToContainTextAsync("@qunzhu_test_bot");
        (await page.ContentAsync()).ShouldNotContain(FakeBotApi.Token);

        // Saving with the token box empty keeps the token: the test still connects after a reload.
        await page.Field("account-name-field").FillAsync("浏览器机器人 2");
        await page.ByTestId("save-account").ClickAsync();
        await Expect(page.ByTestId("account-name")).ToHaveTextAsync("浏览器机器人 2");
        await page.ReloadAsync();
        await page.Interactive();
        (await page.ContentAsync()).ShouldNotContain(FakeBotApi.Token);
        await page.ByTestId("test-connection").ClickAsync();
        await Expect(page.ByTestId("test-result")).ToContainTextAsync("@qunzhu_test_bot");

        await page.ByTestId("disable-account").ClickAsync();
        await page.ByTestId("confirm-yes").ClickAsync();
        await Expect(page.ByTestId("account-state")).ToHaveTextAsync("已停用");
        await page.GoInteractiveAsync("/platform-accounts");
        await Expect(page.ByTestId("account-link").Filter(new() { HasText = "浏览器机器人 2" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ConnectTelegram_BadToken_FieldErrorAndNothingSaved()
    {
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/platform-accounts");
        await page.ByTestId("pick-telegram").ClickAsync();
        await page.Field("new-account-name").FillAsync("坏令牌");
        await page.Field("setting-botToken").FillAsync("not-a-token");
        await page.Field("setting-webhookSecret").FillAsync("console-secret_0123");
        await page.ByTestId("create-account").ClickAsync();
        await Expect(page.ByTestId("create-error")).ToContainTextAsync("does not look like a Telegram bot token");
        (await host.Api.GetStringAsync("/api/v1/platform-accounts")).ShouldNotContain("坏令牌");
        await page.Context.CloseAsync();
    }
}
