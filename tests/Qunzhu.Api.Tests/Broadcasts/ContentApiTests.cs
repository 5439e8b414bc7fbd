using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Broadcasts;

/// The content library: uploads deduplicated by hash, type and size limits, previews per platform.
public sealed class ContentApiTests : IAsyncDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];
    private readonly QunzhuServer _server = new(settings: new Dictionary<string, string?> { ["Media:MaxImageBytes"] = "1024" });
    private readonly HttpClient _http;

    public ContentApiTests() => _http = _server.CreateApiClient();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string? kind = null, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        return form;
    }

    [Fact]
    public async Task UploadMedia_SameBytesTwice_StoredOnceAndTheSecondIsTheFirst()
    {
        var first = await (await _http.PostAsync("/api/v1/media", Form(Png, "cover.png", contentType: "text/plain"))).JsonAsync(HttpStatusCode.Created);
        first.GetProperty("contentType").GetString().ShouldBe("image/png");
        first.GetProperty("kind").GetString().ShouldBe("image");
        var second = await (await _http.PostAsync("/api/v1/media", Form(Png, "again.png"))).JsonAsync(HttpStatusCode.OK);
        second.GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        second.GetProperty("id").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());
        second.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)));

        (await _http.GetByteArrayAsync(first.GetProperty("url").GetString())).ShouldBe(Png);
        await using var db = _server.CreateDbContext();
        (await db.MediaFiles.CountAsync()).ShouldBe(1);
        var stored = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(_server.DatabasePath)!, "media"), "*", SearchOption.AllDirectories);
        stored.Length.ShouldBe(1);
    }

    [Fact]
    public async Task UploadMedia_WrongTypeOrTooLarge_Returns400SayingWhyAndStoresNothing()
    {
        var notImage = await (await _http.PostAsync("/api/v1/media", Form("hello"u8.ToArray(), "a.png", kind: "image", contentType: "image/png"))).JsonAsync(HttpStatusCode.BadRequest);
        notImage.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("not a JPEG, PNG");
        var big = Png.Concat(new byte[2000]).ToArray();
        var tooLarge = await (await _http.PostAsync("/api/v1/media", Form(big, "big.png"))).JsonAsync(HttpStatusCode.BadRequest);
        tooLarge.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("at most 0 MiB");
        var none = await (await _http.PostAsync("/api/v1/media", new MultipartFormDataContent { { new StringContent("x"), "other" } })).JsonAsync(HttpStatusCode.BadRequest);
        none.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("'file'");
        await using var db = _server.CreateDbContext();
        (await db.MediaFiles.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Preview_CardOnTelegramAndWeCom_FlagsWhatEachCannotDo()
    {
        var cover = (await (await _http.PostAsync("/api/v1/media", Form(Png, "cover.png"))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var card = (await (await _http.PostAsJsonAsync("/api/v1/content", new
        {
            kind = "card",
            title = "{group} 打卡小程序",
            coverMediaId = cover,
            card = new { appId = "wx123", pagePath = "pages/checkin" },
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var telegram = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/content/{card}/preview?platform=telegram");
        telegram.GetProperty("canSend").GetBoolean().ShouldBeFalse();
        telegram.GetProperty("problems")[0].GetString()!.ShouldContain("cannot send card");
        var wecom = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/content/{card}/preview?platform=wecom");
        wecom.GetProperty("canSend").GetBoolean().ShouldBeTrue();
        wecom.GetProperty("problems")[0].GetString()!.ShouldContain("staff member to confirm");
        wecom.GetProperty("text").GetString()!.ShouldStartWith("示例群 打卡小程序");
        (await _http.GetAsync($"/api/v1/content/{card}/preview?platform=myspace")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Preview_ForAGroup_FillsItsOwnValuesAndListsUnknownVariables()
    {
        var sandbox = new SandboxClient(_http);
        var group = await sandbox.CreateGroupAsync("英语角");
        (await _http.PutAsJsonAsync($"/api/v1/communities/{group}/variables", new { values = new Dictionary<string, string> { ["老师"] = "Amy" } })).EnsureSuccessStatusCode();
        var bad = await (await _http.PutAsJsonAsync($"/api/v1/communities/{group}/variables", new { values = new { date = "x" } })).JsonAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").GetProperty("values.date")[0].GetString()!.ShouldContain("filled by Qunzhu");
        var item = (await (await _http.PostAsJsonAsync("/api/v1/content", new { kind = "text", text = "{group}：今晚由{老师}带读，{room} 见" }))
            .JsonAsync(HttpStatusCode.Created));
        item.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        var preview = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/content/{item.GetProperty("id").GetGuid()}/preview?communityId={group}");
        preview.GetProperty("platform").GetString().ShouldBe("sandbox");
        preview.GetProperty("text").GetString().ShouldBe("英语角：今晚由Amy带读，{room} 见");
        preview.GetProperty("unknownVariables").EnumerateArray().Select(v => v.GetString()).ShouldBe(["room"]);
        preview.GetProperty("canSend").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task CreateContent_MissingWhatTheKindNeeds_Returns400PerField()
    {
        var link = await (await _http.PostAsJsonAsync("/api/v1/content", new { kind = "link", title = "课表" })).JsonAsync(HttpStatusCode.BadRequest);
        link.GetProperty("errors").GetProperty("url")[0].GetString()!.ShouldContain("http");
        var image = await (await _http.PostAsJsonAsync("/api/v1/content", new { kind = "image", title = "海报" })).JsonAsync(HttpStatusCode.BadRequest);
        image.GetProperty("errors").GetProperty("mediaId")[0].GetString()!.ShouldContain("/api/v1/media");
        var kind = await (await _http.PostAsJsonAsync("/api/v1/content", new { kind = "gif", title = "x" })).JsonAsync(HttpStatusCode.BadRequest);
        kind.GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("card");
    }

    [Fact]
    public async Task UploadContent_ImageThenBroadcastIt_GroupGetsTheCaptionAndTheOutboxCarriesTheImage()
    {
        var form = Form(Png, "poster.png");
        form.Add(new StringContent("{group} 本周海报"), "text");
        var item = await (await _http.PostAsync("/api/v1/content/upload", form)).JsonAsync(HttpStatusCode.Created);
        item.GetProperty("kind").GetString().ShouldBe("image");
        var sandbox = new SandboxClient(_http);
        var group = await sandbox.CreateGroupAsync("海报群");
        (await _http.PostAsJsonAsync("/api/v1/broadcasts", new { content = new { contentId = item.GetProperty("id").GetGuid() }, targets = new { communityIds = new[] { group } } }))
            .EnsureSuccessStatusCode();
        (await sandbox.BotMessagesAsync(group, 1)).ShouldBe(["海报群 本周海报"]);
        await using var db = _server.CreateDbContext();
        var row = await db.Outbox.SingleAsync(o => o.CommunityId == group);
        row.Attachment.ShouldNotBeNull().MediaId.ShouldBe(item.GetProperty("media").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Content_OfAnotherWorkspace_IsInvisible()
    {
        var media = (await (await _http.PostAsync("/api/v1/media", Form(Png, "p.png"))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var item = (await (await _http.PostAsJsonAsync("/api/v1/content", new { kind = "text", text = "内部" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var other = await SecondWorkspace.CreateAsync(_server);
        (await other.GetAsync($"/api/v1/content/{item}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/content/{item}/preview?platform=sandbox")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/media/{media}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/v1/content/{item}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/content")).GetProperty("total").GetInt32().ShouldBe(0);
        var reuse = await (await other.PostAsJsonAsync("/api/v1/content", new { kind = "image", title = "x", mediaId = media })).JsonAsync(HttpStatusCode.BadRequest);
        reuse.GetProperty("errors").TryGetProperty("mediaId", out _).ShouldBeTrue();
    }
}
