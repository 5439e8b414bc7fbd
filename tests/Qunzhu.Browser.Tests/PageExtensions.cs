using Microsoft.Playwright;

namespace Qunzhu.Browser.Tests;

public static class PageExtensions
{
    /// Waits for the circuit: before it, a click on the prerendered page does nothing.
    public static Task Interactive(this IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static async Task GoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Interactive();
    }

    /// The text input of a MudBlazor field marked with data-testid (the attribute lands on the input itself).
    public static ILocator Field(this IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    public static ILocator ByTestId(this IPage page, string testId) => page.Locator($"[data-testid={testId}]");
}
