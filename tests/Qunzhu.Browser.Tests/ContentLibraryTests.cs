using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Qunzhu.Browser.Tests;

/// The content library in a real browser: items, uploads and what each platform would make of them.
public sealed class ContentLibraryTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task Library_TextItemAndUploads_PreviewFlagsPlatformsAndTooLargeImageIsRefused()
    {
        var page = await host.SignInAsync();
        await page.GoInteractiveAsync("/content");
        await page.Field("content-title-input").FillAsync("浏览器早安");
        await page.Field("content-text").FillAsync("{group} 早安，今天由{老师}领读");
        await page.ByTestId("content-save").ClickAsync();
        var row = page.Locator("tr", new() { HasText = "浏览器早安" });
        await Expect(row).ToBeVisibleAsync();

        await row.GetByTestId("content-preview").ClickAsync();
        await Expect(page.ByTestId("preview-sandbox")).ToContainTextAsync("示例群 早安");
        await Expect(page.ByTestId("preview-sandbox")).ToContainTextAsync("{老师}");
        await Expect(page.ByTestId("preview-wecom")).ToContainTextAsync("staff member to confirm");

        var small = PngHeader.Concat(new byte[200]).ToArray();
        await page.ByTestId("media-file").SetInputFilesAsync(new FilePayload { Name = "海报.png", MimeType = "image/png", Buffer = small });
        await Expect(page.ByTestId("upload-progress")).ToContainTextAsync("100%");
        await Expect(page.Locator("tr", new() { HasText = "海报.png" })).ToContainTextAsync("图片");

        // Over the image limit (10 MiB) but under the largest one: the server's own message is shown.
        // Given as a file on disk, which Chromium reads itself: as a payload, its 11 MiB went through the driver as base64
        // and were decoded in the page, which once took longer than the action's 15 s on a loaded CI machine. The browser
        // reads the file only when the console asks for it, so the file stays until the refusal is shown.
        var folder = Directory.CreateTempSubdirectory("qunzhu-upload-");
        try
        {
            var large = Path.Combine(folder.FullName, "大海报.png");
            await File.WriteAllBytesAsync(large, PngHeader.Concat(new byte[11 << 20]).ToArray(), TestContext.Current.CancellationToken);
            await page.ByTestId("media-file").SetInputFilesAsync(large);
            await Expect(page.ByTestId("upload-error")).ToContainTextAsync("at most 10 MiB");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await Expect(page.Locator("tr", new() { HasText = "大海报.png" })).ToHaveCountAsync(0);

        await page.ByTestId("kind-image").ClickAsync();
        await Expect(page.GetByTestId("content-title")).ToHaveTextAsync(["海报.png"]);
        await page.Context.CloseAsync();
    }
}
