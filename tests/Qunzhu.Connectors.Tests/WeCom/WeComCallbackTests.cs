using Qunzhu.Connectors.WeCom;
using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Connectors.WeCom.Callbacks;
using Qunzhu.Connectors.WeCom.FollowUps;
using Qunzhu.Connectors.WeCom.Groups;
using Qunzhu.Core.Events;
using Qunzhu.Core.Pipeline;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.WeCom;
using Qunzhu.Testing.WeCom;

namespace Qunzhu.Connectors.Tests.WeCom;

/// Pure parts: callback ids, the member diff, the normalizer, settings checks.
public sealed class WeComCallbackTests
{
    private const string Chat = "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA";

    [Fact]
    public void Callback_SameXmlTwice_SameEventId()
    {
        var xml = FakeWeComCallbacks.ExternalChat(Chat, "update", 1_700_000_000, "add_member", joinScene: 3, memChangeCnt: 1);

        var first = WeComEventIds.Callback(WeComCallback.Parse(xml)!);
        var retry = WeComEventIds.Callback(WeComCallback.Parse(xml)!);

        retry.ShouldBe(first);
        first.ShouldStartWith(WeComEventIds.FollowUpPrefix);
        first.Length.ShouldBeLessThanOrEqualTo(128);
    }

    [Fact]
    public void Callback_DifferentTimeOrChange_DifferentEventId()
    {
        var a = WeComEventIds.Callback(WeComCallback.Parse(FakeWeComCallbacks.ExternalChat(Chat, "update", 1_700_000_000, "add_member"))!);
        var b = WeComEventIds.Callback(WeComCallback.Parse(FakeWeComCallbacks.ExternalChat(Chat, "update", 1_700_000_001, "add_member"))!);
        var c = WeComEventIds.Callback(WeComCallback.Parse(FakeWeComCallbacks.ExternalChat(Chat, "update", 1_700_000_000, "del_member"))!);

        new[] { a, b, c }.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Callback_ContactChangesAndTagDeletes_NeedAFollowUpOtherTagChangesDoNot()
    {
        var edit = WeComCallback.Parse(FakeWeComCallbacks.ExternalContact("edit_external_contact", "zhangsan", "wmA", 1_700_000_000))!;
        var tag = WeComCallback.Parse(FakeWeComCallbacks.ExternalTag("etTag", "create", 1_700_000_000))!;
        var tagDeleted = WeComCallback.Parse(FakeWeComCallbacks.ExternalTag("etTag", "delete", 1_700_000_000))!;
        var add = WeComCallback.Parse(FakeWeComCallbacks.ExternalContact("add_external_contact", "zhangsan", "wmA", 1_700_000_000, "poster", "CODE"))!;

        // Every contact change updates the customer's record (attribution by state, removals); a deleted tag is dropped from customers.
        WeComEventIds.NeedsFollowUp(edit).ShouldBeTrue();
        WeComEventIds.NeedsFollowUp(tagDeleted).ShouldBeTrue();
        WeComEventIds.NeedsFollowUp(tag).ShouldBeFalse();
        WeComEventIds.NeedsFollowUp(add).ShouldBeTrue();
        WeComEventIds.ChatOf(add).ShouldBe("contact:wmA");
        add.State.ShouldBe("poster");
        add.WelcomeCode.ShouldBe("CODE");
    }

    [Fact]
    public void Parse_MemChangeListAndScenes_AreRead()
    {
        var c = WeComCallback.Parse(FakeWeComCallbacks.ExternalChat(Chat, "update", 1_700_000_000, "del_member", quitScene: 1, memChangeCnt: 2,
            memChangeList: ["wmA", "wmB"]))!;

        c.QuitScene.ShouldBe(1);
        c.MemChangeCnt.ShouldBe(2);
        c.MemChangeList.ShouldBe(["wmA", "wmB"]);
        c.At.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcDateTime);
    }

    [Fact]
    public void Diff_LeftAndCameBackBetweenReadings_OneLeaveAndOneJoin()
    {
        var known = new List<WeComGroupMember>
        {
            new() { ChatId = Chat, UserId = "wmA", JoinTime = 100 },
            new() { ChatId = Chat, UserId = "wmGone", JoinTime = 100 },
        };
        var chat = new GroupChat
        {
            ChatId = Chat,
            Owner = "zhangsan",
            MemberList = [new("wmA", 2, 300, 3, "小王", State: "poster"), new("wmNew", 2, 301, 3, "小李")],
        };

        var (left, joined) = GroupMemberDiff.Compute(known, chat, DateTime.UnixEpoch);

        left.Select(l => (l.UserId, l.JoinTime)).ShouldBe([("wmA", 100L), ("wmGone", 100L)], ignoreOrder: true);
        joined.Select(j => (j.UserId, j.JoinTime, j.State)).ShouldBe([("wmA", 300L, "poster"), ("wmNew", 301L, (string?)null)]);
    }

    [Fact]
    public void Normalize_JoinRow_MemberJoinedWithStateAsInviteCode()
    {
        var change = new WeComChange(WeComChange.Join, Chat, DateTime.UnixEpoch, "wmA", "小王", State: "poster", JoinTime: 300);
        var stored = new InboxEvent { PlatformEventId = WeComEventIds.Joined(Chat, "wmA", 300), ChatId = Chat, Payload = change.ToJson(), Platform = PlatformKind.WeCom };

        var events = new WeComNormalizer().Normalize(stored);

        var joined = events.ShouldHaveSingleItem().ShouldBeOfType<MemberJoined>();
        joined.InviteCode.ShouldBe("poster");
        joined.User.ShouldBe(new ChatUser("wmA", "小王"));
    }

    [Fact]
    public void Normalize_RawCallbackXml_NoEvents()
    {
        var stored = new InboxEvent { PlatformEventId = "cb:x", ChatId = Chat, Payload = FakeWeComCallbacks.ExternalTag("t", "create", 1), Platform = PlatformKind.WeCom };

        new WeComNormalizer().Normalize(stored).ShouldBeEmpty();
    }

    [Fact]
    public void Normalize_ChatRow_ChatDiscoveredWithTitle()
    {
        var change = new WeComChange(WeComChange.Chat, Chat, DateTime.UnixEpoch, Title: "读书会");
        var stored = new InboxEvent { PlatformEventId = "chat:x", ChatId = Chat, Payload = change.ToJson(), Platform = PlatformKind.WeCom };

        new WeComNormalizer().Normalize(stored).ShouldHaveSingleItem().ShouldBeOfType<ChatDiscovered>().Title.ShouldBe("读书会");
    }

    [Theory]
    [InlineData("short", "43 letters and digits")]
    [InlineData("6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhU+", "43 letters and digits")]
    public void Check_BadEncodingAesKey_NamesTheField(string key, string expected)
    {
        var values = Settings(WeComSettings.EncodingAesKeyField, key);

        WeComSettings.Check(values.GetValueOrDefault).ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public void Check_CompleteSettings_Accepted()
    {
        WeComSettings.Check(Settings().GetValueOrDefault).ShouldBeNull();
    }

    [Fact]
    public void Credentials_ToString_HidesTheSecret()
    {
        new WeComCredentials(new Uri("https://qyapi.weixin.qq.com"), "ww1", "top-secret").ToString().ShouldNotContain("top-secret");
        WeComSettings.From(Settings().GetValueOrDefault).ToString().ShouldNotContain(FakeWeComServer.Secret);
    }

    [Fact]
    public void Capabilities_WeCom_NothingTheOfficialApiDoesNotAllow()
    {
        var c = WeComConnector.WeComCapabilities;

        new[] { c.ReadsMessages, c.PostsFreely, c.RemovesMembers, c.MutesMembers, c.DeletesMessages }.ShouldAllBe(x => !x);
    }

    private static Dictionary<string, string> Settings(string? field = null, string? value = null)
    {
        var s = new Dictionary<string, string>
        {
            [WeComSettings.CorpIdField] = FakeWeComServer.CorpId,
            [WeComSettings.SecretField] = FakeWeComServer.Secret,
            [WeComSettings.TokenField] = FakeWeComServer.Token,
            [WeComSettings.EncodingAesKeyField] = FakeWeComServer.EncodingAesKey,
        };
        if (field is not null) s[field] = value!;
        return s;
    }
}
