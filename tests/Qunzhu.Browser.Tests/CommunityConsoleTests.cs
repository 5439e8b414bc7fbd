using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Qunzhu.Testing;
using static Microsoft.Playwright.Assertions;

namespace Qunzhu.Browser.Tests;

/// Tags and bulk tagging on the communities list, a group's own settings per module, and times in the workspace's zone.
public sealed class CommunityConsoleTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static ILocator Row(IPage page, string name) => page.Locator("tr", new() { HasText = name });

    private static async Task PickAsync(IPage page, string testId, string item)
    {
        await page.ByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = item }).First.ClickAsync();
    }

    [Fact]
    public async Task Communities_BulkAddAndRemoveTag_TagFilterNarrowsTheList()
    {
        await host.CreateGroupAsync("标签甲群");
        await host.CreateGroupAsync("标签乙群");
        await host.CreateGroupAsync("标签丙群");
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/communities");
        await Row(page, "标签甲群").Locator(".mud-checkbox").ClickAsync();
        await Row(page, "标签乙群").Locator(".mud-checkbox").ClickAsync();
        await page.Field("bulk-tag").FillAsync("晚读");
        await page.ByTestId("bulk-tag-add").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已给 2 个社群加上标签「晚读」");
        await Expect(Row(page, "标签甲群").Locator("[data-testid=community-tags]")).ToContainTextAsync("晚读");

        await PickAsync(page, "filter-tag", "晚读");
        await Expect(page.ByTestId("community-link")).ToHaveCountAsync(2);
        await Expect(page.ByTestId("community-link").Filter(new() { HasText = "标签丙群" })).ToHaveCountAsync(0);

        await Row(page, "标签乙群").Locator(".mud-checkbox").ClickAsync();
        await page.Field("bulk-tag").FillAsync("晚读");
        await page.ByTestId("bulk-tag-remove").ClickAsync();
        await Expect(page.ByTestId("community-link")).ToHaveCountAsync(1);
        await Expect(page.ByTestId("community-link")).ToHaveTextAsync("标签甲群");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Overrides_CheckInPointsForOneGroup_InvalidShownAtFieldThenUsedAndReset()
    {
        var group = await host.CreateGroupAsync("加分打卡群");
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync($"/communities/{group}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "本群设置" }).ClickAsync();
        await Expect(page.ByTestId("section-inherited")).ToHaveCountAsync(4);
        await Expect(page.Field("ov-points")).ToBeDisabledAsync();

        await page.Field("override-checkin").CheckAsync(new() { Force = true });
        await page.Field("ov-points").FillAsync("-5");
        await page.ByTestId("save-overrides").ClickAsync();
        await Expect(page.Locator(".mud-input-control", new() { Has = page.Field("ov-points") })).ToContainTextAsync("签到积分须在 0 到 100000 之间");

        await page.Field("ov-points").FillAsync("50");
        await page.ByTestId("save-overrides").ClickAsync();
        await Expect(page.ByTestId("section-own")).ToHaveCountAsync(1);
        var detail = await Eventually.UntilAsync(() => host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{group}"),
            d => d.TryGetProperty("overrides", out _), TimeSpan.FromSeconds(15), "the saved override");
        detail.GetProperty("effectiveSettings").GetProperty("checkIn").GetProperty("points").GetInt32().ShouldBe(50);
        detail.GetProperty("overrides").TryGetProperty("welcome", out _).ShouldBeFalse();

        await page.GetByRole(AriaRole.Tab, new() { Name = "沙盒聊天" }).ClickAsync();
        await page.Field("chat-member").FillAsync("小周");
        await page.Field("chat-text").FillAsync("签到");
        await page.ByTestId("chat-send").ClickAsync();
        await Expect(page.ByTestId("bot-line").Filter(new() { HasText = "签到成功" })).ToContainTextAsync("+50 积分");

        await page.GetByRole(AriaRole.Tab, new() { Name = "本群设置" }).ClickAsync();
        await page.Field("override-checkin").UncheckAsync(new() { Force = true });
        await page.ByTestId("save-overrides").ClickAsync();
        await Expect(page.ByTestId("section-inherited")).ToHaveCountAsync(4);
        await Eventually.UntilAsync(() => host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{group}"),
            d => !d.TryGetProperty("overrides", out _), TimeSpan.FromSeconds(15), "the override removed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Times_WorkspaceInTokyo_ListAndMembersShowTokyoTime()
    {
        (await host.Api.PatchAsJsonAsync("/api/v1/workspace", new { timeZoneId = "Asia/Tokyo" })).EnsureSuccessStatusCode();
        try
        {
            var group = await host.CreateGroupAsync("东京时间群");
            var created = (await host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/communities/{group}")).GetProperty("createdAt").GetDateTime();
            string In(string zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(created, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zone))
                .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

            var page = await host.SignInAsync();
            await page.GoInteractiveAsync("/communities");
            await Expect(Row(page, "东京时间群")).ToContainTextAsync(In("Asia/Tokyo"));
            await Expect(Row(page, "东京时间群")).Not.ToContainTextAsync(In("Asia/Shanghai"));
            await page.Context.CloseAsync();
        }
        finally
        {
            (await host.Api.PatchAsJsonAsync("/api/v1/workspace", new { timeZoneId = "Asia/Shanghai" })).EnsureSuccessStatusCode();
        }
    }
}
