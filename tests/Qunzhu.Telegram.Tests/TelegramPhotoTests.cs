using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Qunzhu.Testing;
using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// An image from the content library reaches a Telegram group as a photo (sendPhoto, multipart upload) with its caption.
public sealed class TelegramPhotoTests : TelegramTest
{
    private const long Group = -1001234567301;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    [Fact]
    public async Task Broadcast_ImageContent_ArrivesAsPhotoWithCaption()
    {
        var account = await CreateBotAsync();
        var community = await AddBotAsync(account, Group, "摄影群");
        var content = await ImageContentAsync("{group} 今日一图");

        await JsonAsync(await Http.PostAsJsonAsync("/api/v1/broadcasts", new { content = new { contentId = content }, targets = new { communityIds = new[] { community } } }),
            HttpStatusCode.Created);

        var photo = (await CallsAsync("sendPhoto", 1, TimeSpan.FromSeconds(30))).Single();
        photo.Chat.ShouldBe(Group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        photo.Get("caption").ShouldBe("摄影群 今日一图");
        photo.FileOf("photo").ShouldBe(Png);
        Fake.CallsTo("sendMessage").ShouldBeEmpty();
    }

    [Fact]
    public async Task Broadcast_ImageWithCaptionOverTelegramsLimit_FailsWithReasonAndSendsNothing()
    {
        var account = await CreateBotAsync();
        var community = await AddBotAsync(account, Group, "摄影群");
        var content = await ImageContentAsync(new string('长', 1100));

        var created = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/broadcasts",
            new { content = new { contentId = content }, targets = new { communityIds = new[] { community } } }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var deliveries = await Eventually.UntilAsync(async () => await JsonAsync(await Http.GetAsync($"/api/v1/broadcasts/{id}/deliveries"), HttpStatusCode.OK),
            // Empty until the broadcast is planned: a loaded host may take longer than the first look.
            d => d.GetProperty("items") is { } items && items.GetArrayLength() > 0 && items[0].GetProperty("status").GetString() == "failed",
            TimeSpan.FromSeconds(30), "the delivery to fail");
        (deliveries.GetProperty("items")[0].GetProperty("error").GetString() ?? "").ShouldContain("at most 1024 characters");
        Fake.CallsTo("sendPhoto").ShouldBeEmpty();
    }

    private async Task<Guid> ImageContentAsync(string caption)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "photo.png");
        var media = await JsonAsync(await Http.PostAsync("/api/v1/media", form), HttpStatusCode.Created);
        var content = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/content",
            new { kind = "image", title = "今日一图", text = caption, mediaId = media.GetProperty("id").GetGuid() }), HttpStatusCode.Created);
        return content.GetProperty("id").GetGuid();
    }
}
