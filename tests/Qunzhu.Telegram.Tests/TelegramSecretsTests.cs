using System.Net;
using Microsoft.Data.Sqlite;
using Qunzhu.Testing.Telegram;

namespace Qunzhu.Telegram.Tests;

/// The bot token travels in every Bot API URL: it must still never reach a log line, a response or a plain column.
public sealed class TelegramSecretsTests : TelegramTest
{
    private const long Group = -1001234567007;

    protected override Dictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Logging:LogLevel:Default"] = "Debug";
            settings["Logging:LogLevel:System.Net.Http"] = "Trace";
            return settings;
        }
    }

    [Fact]
    public async Task WebhookPollingAndDelivery_AtDebugLevel_NeitherTokenNorSecretLoggedOrStoredInPlainText()
    {
        var account = await CreateBotAsync();
        await AddBotAsync(account, Group);
        await PushOkAsync(account, Updates.Message(Updates.NextId(), Group, "读书会", 91, "小王", "签到", 201));
        await SentAsync(Group, 1);
        (await PushAsync(account, Updates.Message(Updates.NextId(), Group, "读书会", 91, "小王", "x", 299), "wrong")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await Http.PostAsync($"/api/v1/platform-accounts/{account}/test", null);
        var polling = await CreateBotAsync(mode: "polling");
        await CallsAsync("getUpdates", 1);
        Fake.Fail("sendMessage", 500, "Internal Server Error");
        await PushOkAsync(account, Updates.Message(Updates.NextId(), Group, "读书会", 92, "小李", "签到", 202));
        await SentAsync(Group, 2, TimeSpan.FromSeconds(30));

        // Proof that Debug logging really ran (else the checks below prove nothing); how many lines it
        // writes depends on timing (19 to 40+ seen), so the bar is low.
        Logs.Lines.Count.ShouldBeGreaterThan(10);
        Logs.Lines.ShouldNotContain(l => l.Contains(FakeBotApi.Token, StringComparison.Ordinal));
        Logs.Lines.ShouldNotContain(l => l.Contains(Secret, StringComparison.Ordinal));
        Logs.Lines.ShouldNotContain(l => l.Contains(FakeBotApi.Token.Split(':')[1], StringComparison.Ordinal));

        await using var connection = new SqliteConnection($"Data Source={Server.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Settings\" || coalesce(\"ProtectedSecrets\", '') FROM \"PlatformAccounts\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            reader.GetString(0).ShouldNotContain(FakeBotApi.Token.Split(':')[1]);
            reader.GetString(0).ShouldNotContain(Secret);
        }
        rows.ShouldBe(3);   // sandbox + the two bots
        polling.ShouldNotBe(account);
    }
}
