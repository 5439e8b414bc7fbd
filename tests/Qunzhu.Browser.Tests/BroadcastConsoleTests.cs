using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qunzhu.Browser.Tests;

/// Broadcasts and the content calendar in a real browser: what an operator does, and what the sandbox group then gets.
public sealed class BroadcastConsoleTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Composer_TextToSandboxGroup_ProgressCompletesAndMessageInTranscript()
    {
        var group = await host.CreateGroupAsync("浏览器群发群");
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/broadcasts/new");
        await page.Field("broadcast-text").FillAsync("{group} 的各位，今晚八点直播！");

        await page.Field("target-communities").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "浏览器群发群" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        // The resolved targets show before anything is sent.
        await Expect(page.ByTestId("target-count")).ToContainTextAsync("共 1 个群");
        await Expect(page.ByTestId("target-chip")).ToHaveTextAsync("浏览器群发群");

        await page.ByTestId("broadcast-submit").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/broadcasts/[0-9a-f-]{36}$"));
        await page.Interactive();
        // The page follows the run by itself until it is done.
        await Expect(page.ByTestId("broadcast-status")).ToHaveTextAsync("已完成");
        await Expect(page.ByTestId("progress-text")).ToContainTextAsync("已发送 1/1");
        await Expect(page.ByTestId("delivery-status")).ToHaveTextAsync("已发送");

        await page.GoInteractiveAsync($"/communities/{group}");
        await Expect(page.ByTestId("bot-line")).ToContainTextAsync("浏览器群发群 的各位，今晚八点直播！");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Calendar_CellEdited_ShowsInMatrixAndNextWeeksView()
    {
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/calendar");
        await page.ByTestId("matrix-new").ClickAsync();
        await page.Field("matrix-name").FillAsync("浏览器日历");
        await page.ByTestId("matrix-save").ClickAsync();
        await Expect(page.ByTestId("matrix-chip").Filter(new() { HasText = "浏览器日历" })).ToBeVisibleAsync();

        await page.ByTestId("cell-wednesday-0800").ClickAsync();
        await page.Field("cell-theme-input").FillAsync("周三干货");
        await page.Field("cell-text").FillAsync("{group} 周三干货分享");
        await page.ByTestId("cell-save").ClickAsync();
        await Expect(page.ByTestId("cell-wednesday-0800")).ToContainTextAsync("周三干货");

        // Next week is wholly to come, so its Wednesday 08:00 is always in it.
        var thisWeek = await page.ByTestId("week-range").InnerTextAsync();
        await page.ByTestId("week-next").ClickAsync();
        await Expect(page.ByTestId("week-range")).Not.ToHaveTextAsync(thisWeek);
        var range = await page.ByTestId("week-range").InnerTextAsync();
        var wednesday = DateOnly.ParseExact(range[..10], "yyyy-MM-dd").AddDays(2).ToString("yyyy-MM-dd");
        var entry = page.ByTestId("day-" + wednesday).GetByTestId("week-entry").Filter(new() { HasText = "周三干货" });
        await Expect(entry).ToContainTextAsync("08:00");

        // Edited again: the same slot shows the new theme, the old one is gone.
        await page.ByTestId("cell-wednesday-0800").ClickAsync();
        await page.Field("cell-theme-input").FillAsync("周三答疑");
        await page.ByTestId("cell-save").ClickAsync();
        await Expect(page.ByTestId("day-" + wednesday).GetByTestId("week-entry").Filter(new() { HasText = "周三答疑" })).ToBeVisibleAsync();
        await Expect(page.ByTestId("day-" + wednesday).GetByTestId("week-entry").Filter(new() { HasText = "周三干货" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
