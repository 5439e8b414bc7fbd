using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Core.Platforms;
using Qunzhu.Testing.WeCom;

namespace Qunzhu.Connectors.Tests.WeCom;

/// The API client against the fake WeCom: tokens, errcodes, limits checked before calling, paging.
public sealed class WeComApiClientTests : IAsyncLifetime
{
    private FakeWeComServer _fake = null!;
    private HttpClient _http = null!;
    private WeComApiClient _client = null!;

    private WeComCredentials Credentials => new(_fake.BaseUrl, FakeWeComServer.CorpId, FakeWeComServer.Secret);

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeWeComServer.StartAsync();
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _client = new WeComApiClient(_http, new WeComTokenCache(TimeProvider.System));
        _fake.AddGroup("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "读书会");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task GetGroupChat_TwoCalls_FetchesOneToken()
    {
        await _client.GetGroupChatAsync(Credentials, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", TestContext.Current.CancellationToken);
        await _client.GetGroupChatAsync(Credentials, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", TestContext.Current.CancellationToken);

        _fake.CallsTo("gettoken").Count.ShouldBe(1);
    }

    [Fact]
    public async Task GetGroupChat_TokenExpired42001_RefreshesOnceThenSucceeds()
    {
        await _client.GetGroupChatAsync(Credentials, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", TestContext.Current.CancellationToken);
        _fake.ExpireTokens();

        var chat = await _client.GetGroupChatAsync(Credentials, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", TestContext.Current.CancellationToken);

        chat.Name.ShouldBe("读书会");
        _fake.CallsTo("gettoken").Count.ShouldBe(2);
        _fake.CallsTo("externalcontact/groupchat/get").Select(c => c.ErrCode).ShouldBe([0, 42001, 0]);
    }

    [Fact]
    public async Task AnyCall_RateLimited45009_ThrowsTransientWithAMinuteBackOff()
    {
        _fake.CallsPerMinute = 2;
        await _client.GetGroupChatAsync(Credentials, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", TestContext.Current.CancellationToken);
        await _client.GetGroupChatAsync(Credentials, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", TestContext.Current.CancellationToken);

        var ex = await Should.ThrowAsync<WeComApiException>(() =>
            _client.GetGroupChatAsync(Credentials, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", TestContext.Current.CancellationToken));

        ex.ErrCode.ShouldBe(45009);
        ex.IsTransient.ShouldBeTrue();
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
        var delivery = ex.ToDeliveryResult();
        delivery.Outcome.ShouldBe(DeliveryOutcome.Transient);
        delivery.RetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task GetGroupChat_UnknownChat_ThrowsPermanentWithWeComsMessage()
    {
        var ex = await Should.ThrowAsync<WeComApiException>(() => _client.GetGroupChatAsync(Credentials, "wrNOPE", TestContext.Current.CancellationToken));

        ex.ErrCode.ShouldBe(40050);
        ex.IsTransient.ShouldBeFalse();
        ex.Message.ShouldContain("chatid not found");
        ex.ToDeliveryResult().Outcome.ShouldBe(DeliveryOutcome.Permanent);
    }

    [Fact]
    public async Task GetToken_WrongSecret_Permanent40001WithoutRetrying()
    {
        var wrong = Credentials with { Secret = "not-the-secret" };

        var ex = await Should.ThrowAsync<WeComApiException>(() => _client.GetGroupChatAsync(wrong, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", TestContext.Current.CancellationToken));

        ex.ErrCode.ShouldBe(40001);
        _fake.CallsTo("gettoken").Count.ShouldBe(1);
        _fake.CallsTo("externalcontact/groupchat/get").ShouldBeEmpty();
    }

    [Fact]
    public async Task AddJoinWay_SixChatsOrLongState_RefusedBeforeCallingWeCom()
    {
        string[] six = ["c1", "c2", "c3", "c4", "c5", "c6"];
        await Should.ThrowAsync<ArgumentException>(() =>
            _client.AddJoinWayAsync(Credentials, new JoinWay(2, six, "s", null), TestContext.Current.CancellationToken));
        await Should.ThrowAsync<ArgumentException>(() =>
            _client.AddJoinWayAsync(Credentials, new JoinWay(2, ["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"], new string('s', 31), null), TestContext.Current.CancellationToken));

        _fake.CallsTo("externalcontact/groupchat/add_join_way").ShouldBeEmpty();
    }

    [Fact]
    public async Task AddJoinWay_ThenGetJoinWay_ReturnsQrCodeAndState()
    {
        var configId = await _client.AddJoinWayAsync(Credentials, new JoinWay(2, ["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"], "spring-poster", "海报"), TestContext.Current.CancellationToken);

        var way = await _client.GetJoinWayAsync(Credentials, configId, TestContext.Current.CancellationToken);

        way.State.ShouldBe("spring-poster");
        way.QrCode.ShouldStartWith("https://");
        way.ChatIdList.ShouldBe(["wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"]);
    }

    [Fact]
    public async Task ListAllGroupChats_MorePagesThanOne_FollowsTheCursor()
    {
        for (var i = 0; i < 4; i++) _fake.AddGroup($"wrGroup{i}", $"群{i}");

        var all = await _client.ListAllGroupChatsAsync(Credentials, TestContext.Current.CancellationToken, pageSize: 2);

        all.Count.ShouldBe(5);
        _fake.CallsTo("externalcontact/groupchat/list").Count.ShouldBe(3);
    }

    [Fact]
    public async Task CorpTags_AddThenMark_TagIsOnTheCustomer()
    {
        _fake.AddContact("wmCustomer1", "小王");
        var group = await _client.AddCorpTagAsync(Credentials, new CorpTags.AddRequest(null, "渠道", [new CorpTags.Tag(null, "春季海报")]),
            TestContext.Current.CancellationToken);
        var tagId = group.Tag.Single().Id!;

        await _client.MarkTagAsync(Credentials, new CorpTags.MarkRequest("zhangsan", "wmCustomer1", [tagId], null), TestContext.Current.CancellationToken);

        (await _client.GetCorpTagsAsync(Credentials, TestContext.Current.CancellationToken)).Single().Tag.Single().Name.ShouldBe("春季海报");
        _fake.TagsOf("zhangsan", "wmCustomer1").ShouldBe([tagId]);
    }

    [Fact]
    public async Task SendRobotText_TwentyFirstInAMinute_TransientRateLimit()
    {
        for (var i = 0; i < 20; i++) await _client.SendRobotTextAsync(_fake.BaseUrl, FakeWeComServer.RobotKey, $"通知 {i}", TestContext.Current.CancellationToken);

        var ex = await Should.ThrowAsync<WeComApiException>(() =>
            _client.SendRobotTextAsync(_fake.BaseUrl, FakeWeComServer.RobotKey, "第 21 条", TestContext.Current.CancellationToken));

        ex.ErrCode.ShouldBe(45009);
        ex.IsTransient.ShouldBeTrue();
        _fake.RobotTexts.Count.ShouldBe(20);
    }
}
