using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// Telegram accounts through the platform-accounts API: validation, setWebhook on save, getMe as the connection test.
public sealed class TelegramAccountTests : TelegramTest
{
    [Fact]
    public async Task Create_WebhookMode_SetsTheWebhookWithSecretAndAllowedUpdates()
    {
        var account = await CreateBotAsync();

        var set = (await CallsAsync("setWebhook", 1)).Single();
        set.Get("url").ShouldBe($"http://localhost/webhooks/telegram/{account}");
        set.Get("secret_token").ShouldBe(Secret);
        set.Parameters.GetProperty("allowed_updates").EnumerateArray().Select(u => u.GetString())
            .ShouldBe(["message", "chat_member", "my_chat_member", "chat_join_request", "poll_answer"], ignoreOrder: true);
        var view = await (await Http.GetAsync($"/api/v1/platform-accounts/{account}")).Content.ReadAsStringAsync();
        view.ShouldNotContain(FakeBotApi.Token);
        view.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Test_GoodToken_NamesTheBot_WrongTokenSaysUnauthorized()
    {
        var good = await CreateBotAsync();
        var ok = await JsonAsync(await Http.PostAsync($"/api/v1/platform-accounts/{good}/test", null), HttpStatusCode.OK);
        ok.GetProperty("ok").GetBoolean().ShouldBeTrue();
        ok.GetProperty("message").GetString()!.ShouldContain("@qunzhu_test_bot");

        var bad = await CreateBotAsync(token: "7000002:AAWrongTokenForQunzhuTests_000000000");
        var failed = await JsonAsync(await Http.PostAsync($"/api/v1/platform-accounts/{bad}/test", null), HttpStatusCode.OK);
        failed.GetProperty("ok").GetBoolean().ShouldBeFalse();
        failed.GetProperty("message").GetString()!.ShouldContain("401");
    }

    [Theory]
    [InlineData("not-a-token", "webhook", Secret, "botToken")]
    [InlineData(FakeBotApi.Token, "sideways", Secret, "mode")]
    [InlineData(FakeBotApi.Token, "webhook", "", "webhookSecret")]
    [InlineData(FakeBotApi.Token, "webhook", "has spaces in it", "webhookSecret")]
    public async Task Create_InvalidSettings_Returns400SayingWhichField(string token, string mode, string secret, string field)
    {
        var problem = await JsonAsync(await Http.PostAsJsonAsync("/api/v1/platform-accounts", new
        {
            platform = "telegram",
            name = "机器人",
            settings = new Dictionary<string, string> { ["botToken"] = token, ["webhookSecret"] = secret, ["mode"] = mode },
        }), HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("settings")[0].GetString()!.ShouldContain(field);
        problem.ToString().ShouldNotContain(FakeBotApi.Token);
    }
}
