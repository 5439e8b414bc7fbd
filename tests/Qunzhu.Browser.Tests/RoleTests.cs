using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qunzhu.Browser.Tests;

/// Roles hold in the page and in the API the page's cookie can reach.
public sealed class RoleTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Operator_UnassignedCommunity_HiddenInListNotFoundInPageAndApi()
    {
        var mine = await host.CreateGroupAsync("运营负责的群");
        var other = await host.CreateGroupAsync("别人的群");
        var op = await host.CreateStaffAsync("operator@example.com", "operator", "operator password 1");
        (await host.Api.PutAsJsonAsync($"/api/v1/staff/{op}/communities", new { communityIds = new[] { mine } })).EnsureSuccessStatusCode();

        var page = await host.SignInAsync("operator@example.com", "operator password 1");
        await page.GoInteractiveAsync("/communities");
        await Expect(page.ByTestId("community-link").Filter(new() { HasText = "运营负责的群" })).ToBeVisibleAsync();
        await Expect(page.ByTestId("community-link").Filter(new() { HasText = "别人的群" })).ToHaveCountAsync(0);

        await page.GoInteractiveAsync($"/communities/{other}");
        await Expect(page.ByTestId("empty-state")).ToContainTextAsync("没有找到");
        await Expect(page.ByTestId("community-name")).ToHaveCountAsync(0);

        // The same cookie against the API: the other group does not exist for this operator.
        (await page.APIRequest.GetAsync($"/api/v1/communities/{other}")).Status.ShouldBe((int)HttpStatusCode.NotFound);
        (await page.APIRequest.GetAsync($"/api/v1/communities/{mine}")).Status.ShouldBe((int)HttpStatusCode.OK);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Viewer_TemplateEditor_SaveDisabledAndApiRefuses()
    {
        await host.CreateStaffAsync("viewer@example.com", "viewer", "viewer password 1");
        var page = await host.SignInAsync("viewer@example.com", "viewer password 1");
        await page.GoInteractiveAsync("/templates");
        await page.ByTestId("template-link").First.ClickAsync();
        await Expect(page.ByTestId("read-only")).ToBeVisibleAsync();
        await Expect(page.ByTestId("save-template")).ToBeDisabledAsync();

        var templates = await page.APIRequest.GetAsync("/api/v1/templates");
        templates.Status.ShouldBe(200);
        var id = (await templates.JsonAsync())!.Value[0].GetProperty("id").GetString();
        var put = await page.APIRequest.PutAsync($"/api/v1/templates/{id}", new() { DataObject = new { name = "viewer was here" } });
        put.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await put.TextAsync()).ShouldContain("Viewers can read but not change anything");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_DisabledWhileConsoleOpen_CircuitSentToLoginWithReason()
    {
        var id = await host.CreateStaffAsync("leaving@example.com", "admin", "admin password 1x");
        var page = await host.SignInAsync("leaving@example.com", "admin password 1x");
        await page.GoInteractiveAsync("/communities");
        (await host.Api.PatchAsJsonAsync($"/api/v1/staff/{id}", new { disabled = true })).EnsureSuccessStatusCode();

        // No click, no reload: the open page notices by itself.
        await page.WaitForURLAsync(new Regex("/login\\?error=ended"));
        await Expect(page.ByTestId("login-error")).ToContainTextAsync("登录已失效");
        await page.GotoAsync("/communities");
        page.Url.ShouldStartWith(host.BaseUrl + "/login");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Staff_DemotedWhileOnStaffPage_SignsInAgainAsViewerWithoutAdminPages()
    {
        var id = await host.CreateStaffAsync("demoted@example.com", "admin", "admin password 2x");
        var page = await host.SignInAsync("demoted@example.com", "admin password 2x");
        await page.GoInteractiveAsync("/staff");
        await Expect(page.Locator("a[href='/staff']")).ToBeVisibleAsync();
        (await host.Api.PatchAsJsonAsync($"/api/v1/staff/{id}", new { role = "viewer" })).EnsureSuccessStatusCode();

        await page.WaitForURLAsync(new Regex("/login\\?error=ended"));
        await page.FillAsync("#email", "demoted@example.com");
        await page.FillAsync("#password", "admin password 2x");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        // Now with the Viewer's rights: the staff page turns them away to the dashboard and is gone from the menu.
        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        await page.Interactive();
        await Expect(page.Locator("a[href='/staff']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
