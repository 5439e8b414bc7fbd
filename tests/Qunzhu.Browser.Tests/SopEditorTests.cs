using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qunzhu.Browser.Tests;

/// The SOP editor path an operator takes: write steps, see a mistake next to its field, save, apply to a group, read the report.
public sealed class SopEditorTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task SopEditor_NewGroupSop_ErrorNextToFieldThenSavedAppliedAndReportedOnTime()
    {
        var group = await host.CreateGroupAsync("SOP 读书会");
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/sops");
        await page.ByTestId("sop-new").ClickAsync();
        await page.WaitForURLAsync("**/sops/new");
        await page.Interactive();
        await page.Field("sop-name").FillAsync("读书会新群");

        // Step 1 without text: the API's message appears under that step's text field, nothing is stored.
        await page.ByTestId("sop-save").ClickAsync();
        await Expect(page.ByTestId("sop-step").First).ToContainTextAsync("Write what to send");
        (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/sops")).GetArrayLength().ShouldBe(0);

        await page.Field("sop-step-text").FillAsync("📌 「{group}」群规：友善交流");
        await page.ByTestId("sop-add-step").ClickAsync();
        await Expect(page.ByTestId("sop-step")).ToHaveCountAsync(2);
        await page.ByTestId("sop-step").Nth(1).Locator("textarea, input[data-testid=sop-step-text]").First.FillAsync("🙋 第 1 天：自我介绍");
        await page.ByTestId("sop-step").Nth(1).Locator("input[data-testid=sop-step-at], [data-testid=sop-step-at] input").First.FillAsync("09:00");
        await page.ByTestId("sop-save").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/sops/[0-9a-f-]{36}$"));
        await Expect(page.ByTestId("sop-title")).ToHaveTextAsync("读书会新群");

        var sops = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/sops");
        var steps = sops[0].GetProperty("steps");
        steps.GetArrayLength().ShouldBe(2);
        steps[1].GetProperty("offsetDays").GetInt32().ShouldBe(1);
        steps[1].GetProperty("at").GetString().ShouldBe("09:00:00");

        // Apply to the group from the editor.
        await page.Interactive();
        await page.ByTestId("sop-apply-groups").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "SOP 读书会" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.ByTestId("sop-apply-submit").ClickAsync();
        await Expect(page.ByTestId("sop-apply-result")).ToContainTextAsync("已为 1 个群开始");

        // The report: day 0 done on time, day 1 scheduled.
        await page.ByTestId("sop-report-link").ClickAsync();
        await page.WaitForURLAsync("**/report");
        await page.Interactive();
        for (var i = 0; i < 40 && !(await page.ByTestId("sop-count-DoneOnTime").InnerTextAsync()).Contains(": 1", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
            await page.ByTestId("sop-report-refresh").ClickAsync();
        }
        await Expect(page.ByTestId("sop-count-DoneOnTime")).ToContainTextAsync("按时完成: 1");
        await Expect(page.ByTestId("sop-count-Scheduled")).ToContainTextAsync("待执行: 1");
        await Expect(page.ByTestId("sop-report-table")).ToContainTextAsync("SOP 读书会");
        var transcript = await host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/sandbox/groups/{group}/transcript");
        transcript.EnumerateArray().ShouldContain(l => l.GetProperty("text").GetString() == "📌 「SOP 读书会」群规：友善交流");
        await page.Context.CloseAsync();
    }
}
