using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.WeCom;
using Qunzhu.Testing;

namespace Qunzhu.Api.Tests.Access;

/// <summary>A workspace with an Operator assigned to two groups ("mine" on the sandbox, "wecomMine" on a WeCom account)
/// and, beside them, groups that are not theirs, each with the same kinds of data: members, check-ins, violations,
/// deliveries, auto-replies, tags, invite links, staff tasks, channel codes, WeCom broadcasts and broadcasts.</summary>
public sealed class OperatorWorld
{
    public const string Email = "yunying@example.com";
    public const string Password = "operator password 1";

    public Guid Mine { get; private set; }

    public Guid Other { get; private set; }

    public Guid WeComMine { get; private set; }

    public Guid WeComOther { get; private set; }

    public Guid Bridge { get; private set; }

    public Guid BridgeGroup { get; private set; }

    public Guid WeCom { get; private set; }

    public Guid OperatorId { get; private set; }

    public Guid OtherRule { get; private set; }

    public Guid OtherInviteLink { get; private set; }

    public Guid OtherBroadcast { get; private set; }

    public Guid MineBroadcast { get; private set; }

    public Guid SharedJoinWay { get; private set; }

    public Guid OtherOnlyJoinWay { get; private set; }

    public Guid OtherMember { get; private set; }

    public Guid BothMember { get; private set; }

    public HttpClient Operator { get; private set; } = null!;

    public static async Task<OperatorWorld> CreateAsync(QunzhuServer server, SandboxClient sandbox)
    {
        var w = new OperatorWorld();
        var http = sandbox.Http;
        w.Mine = await sandbox.CreateGroupAsync("我的群");
        w.Other = await sandbox.CreateGroupAsync("别人的群");
        await sandbox.SendAsync(w.Mine, "message", "u1", "签到", memberName: "小王");
        await sandbox.SendAsync(w.Other, "message", "u2", "签到", memberName: "小李");
        await sandbox.SendAsync(w.Mine, "message", "u3", "签到", memberName: "两边都在");
        await sandbox.SendAsync(w.Other, "message", "u3", "加微信领福利 http://spam.example", memberName: "两边都在");
        await sandbox.BotMessagesAsync(w.Mine, 2);
        await sandbox.BotMessagesAsync(w.Other, 2);
        var members = (await http.GetFromJsonAsync<JsonElement>("/api/v1/members")).GetProperty("items").EnumerateArray().ToList();
        w.OtherMember = members.Single(m => m.GetProperty("displayName").GetString() == "小李").GetProperty("id").GetGuid();
        w.BothMember = members.Single(m => m.GetProperty("displayName").GetString() == "两边都在").GetProperty("id").GetGuid();
        (await http.PostAsJsonAsync("/api/v1/moderation/blacklist", new { memberId = w.OtherMember, reason = "广告" })).EnsureSuccessStatusCode();

        w.OtherRule = (await (await http.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { "秘密" }, reply = "别人的回复", communityId = w.Other }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await http.PostAsJsonAsync("/api/v1/auto-replies", new { keywords = new[] { "课表" }, reply = "全体的回复" })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"/api/v1/communities/{w.Other}/tags", new { tags = new[] { "秘密标签" } })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"/api/v1/communities/{w.Mine}/tags", new { tags = new[] { "公开标签" } })).EnsureSuccessStatusCode();
        w.OtherBroadcast = (await (await http.PostAsJsonAsync("/api/v1/broadcasts", new { content = new { text = "只给别人" }, targets = new { communityIds = new[] { w.Other } } }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        w.MineBroadcast = (await (await http.PostAsJsonAsync("/api/v1/broadcasts", new { content = new { text = "给公开标签" }, targets = new { tags = new[] { "公开标签" } } }))
            .JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await using (var db = server.CreateDbContext())
        {
            var workspace = db.Workspaces.OrderBy(x => x.CreatedAt).First();
            var now = workspace.CreatedAt;
            var bridge = new PlatformAccount { WorkspaceId = workspace.Id, Platform = PlatformKind.Bridge, Name = "别人的桥", CreatedAt = now };
            var wecom = new PlatformAccount { WorkspaceId = workspace.Id, Platform = PlatformKind.WeCom, Name = "企业微信", CreatedAt = now };
            db.PlatformAccounts.AddRange(bridge, wecom);
            Community Group(PlatformAccount a, string chat, string name) =>
                new() { WorkspaceId = workspace.Id, AccountId = a.Id, Platform = a.Platform, ExternalId = chat, Name = name, CreatedAt = now };
            var bridgeGroup = Group(bridge, "b1", "桥接群");
            var wecomMine = Group(wecom, "wr1", "企微我的群");
            var wecomOther = Group(wecom, "wr2", "企微别人的群");
            db.Communities.AddRange(bridgeGroup, wecomMine, wecomOther);
            var link = new InviteLink { WorkspaceId = workspace.Id, CommunityId = w.Other, Name = "别人的链接", Url = "https://t.me/+secret", CreatedAt = now };
            db.InviteLinks.Add(link);
            db.StaffTasks.AddRange(
                new StaffTask { WorkspaceId = workspace.Id, CommunityId = w.Other, Key = "t-other", Kind = "remove", Title = "别人的任务", CreatedAt = now },
                new StaffTask { WorkspaceId = workspace.Id, CommunityId = w.Mine, Key = "t-mine", Kind = "remove", Title = "我的任务", CreatedAt = now });
            var shared = new WeComJoinWay { WorkspaceId = workspace.Id, AccountId = wecom.Id, State = "qzshared", ConfigId = "c1", CommunityIds = [wecomMine.Id, wecomOther.Id], ChatIds = ["wr1", "wr2"], CreatedAt = now };
            var otherOnly = new WeComJoinWay { WorkspaceId = workspace.Id, AccountId = wecom.Id, State = "qzother", ConfigId = "c2", CommunityIds = [wecomOther.Id], ChatIds = ["wr2"], CreatedAt = now };
            db.WeComJoinWays.AddRange(shared, otherOnly);
            db.WeComGroupMessages.AddRange(
                new WeComGroupMessage { WorkspaceId = workspace.Id, AccountId = wecom.Id, Sender = "zhangsan", MsgId = "m1", Text = "两个群都发", CommunityIds = [wecomMine.Id, wecomOther.Id], ChatIds = ["wr1", "wr2"], CreatedAt = now },
                new WeComGroupMessage { WorkspaceId = workspace.Id, AccountId = wecom.Id, Sender = "zhangsan", MsgId = "m2", Text = "只发别人的群", CommunityIds = [wecomOther.Id], ChatIds = ["wr2"], CreatedAt = now });
            await db.SaveChangesAsync();
            (w.Bridge, w.BridgeGroup, w.WeCom, w.WeComMine, w.WeComOther) = (bridge.Id, bridgeGroup.Id, wecom.Id, wecomMine.Id, wecomOther.Id);
            (w.OtherInviteLink, w.SharedJoinWay, w.OtherOnlyJoinWay) = (link.Id, shared.Id, otherOnly.Id);
        }

        w.OperatorId = await StaffSignIn.CreateStaffAsync(http, Email, "operator", Password);
        (await http.PutAsJsonAsync($"/api/v1/staff/{w.OperatorId}/communities", new { communityIds = new[] { w.Mine, w.WeComMine } })).EnsureSuccessStatusCode();
        w.Operator = await StaffSignIn.SignInAsync(server, Email, Password);
        return w;
    }

    public async Task<JsonElement> GetAsync(string path) => await (await Operator.GetAsync(path)).JsonAsync(HttpStatusCode.OK);

    public async Task NotFoundAsync(string path) => await (await Operator.GetAsync(path)).JsonAsync(HttpStatusCode.NotFound);
}
