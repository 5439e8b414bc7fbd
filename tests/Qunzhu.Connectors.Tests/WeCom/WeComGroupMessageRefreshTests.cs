using System.Net;
using System.Net.Http.Json;
using Qunzhu.Testing;

namespace Qunzhu.Connectors.Tests.WeCom;

/// A broadcast waiting for its owner moves to "sent" by itself once the owner confirms it in WeCom.
public sealed class WeComGroupMessageRefreshTests : WeComTest
{
    private const string Chat = "wrRefreshGroupAAAAAAAAAAAAAAAA";

    protected override Dictionary<string, string?> Settings => new() { ["WeCom:GroupMessages:RefreshInterval"] = "00:00:00.300" };

    [Fact]
    public async Task GroupMessage_OwnerConfirms_StatusBecomesSentWithoutARefreshCall()
    {
        Fake.AddGroup(Chat, "直播群").Add("wmA", "小王", Now - 3600);
        await SyncAsync();
        var community = await CommunityIdAsync(Chat);
        var created = await JsonAsync(await Http.PostAsJsonAsync($"/api/v1/platform-accounts/{AccountId}/wecom/group-messages",
            new { communityIds = new[] { community }, text = "今晚 8 点直播" }, Ct), HttpStatusCode.Created);
        var msgId = created.GetProperty("messages")[0].GetProperty("msgId").GetString()!;

        // Still waiting: the background reads keep it waiting, they do not guess.
        await Eventually.UntilAsync(() => Task.FromResult(Fake.CallsTo("externalcontact/get_groupmsg_send_result").Count), n => n >= 1,
            what: "a background status read");
        Fake.ConfirmGroupMessage(msgId);

        var list = await Eventually.UntilAsync(async () =>
                await JsonAsync(await Http.GetAsync(new Uri($"/api/v1/platform-accounts/{AccountId}/wecom/group-messages", UriKind.Relative), Ct), HttpStatusCode.OK),
            l => l.GetProperty("messages")[0].GetProperty("status").GetString() == "sent", what: "the broadcast to be sent");
        list.GetProperty("messages")[0].GetProperty("refreshedAt").GetDateTime().ShouldBeGreaterThan(created.GetProperty("messages")[0].GetProperty("createdAt").GetDateTime());

        // Final: no more reads.
        var reads = Fake.CallsTo("externalcontact/get_groupmsg_send_result").Count;
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Fake.CallsTo("externalcontact/get_groupmsg_send_result").Count.ShouldBe(reads);
    }
}
