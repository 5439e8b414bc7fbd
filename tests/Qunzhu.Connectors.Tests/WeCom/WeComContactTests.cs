using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qunzhu.Testing;
using Qunzhu.Testing.WeCom;

namespace Qunzhu.Connectors.Tests.WeCom;

/// Customer contacts: contact ways ("contact me" codes) attribute customers by state; add, edit and both kinds of deletion are recorded once.
public sealed class WeComContactTests : WeComTest
{
    private string Api(string path) => $"/api/v1/platform-accounts/{AccountId}/wecom/{path}";

    private static bool Has(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    private async Task<JsonElement> ContactWaysAsync() => await JsonAsync(await Http.GetAsync(new Uri(Api("contact-ways"), UriKind.Relative), Ct), HttpStatusCode.OK);

    private Task<JsonElement> ContactWhenAsync(string external, Func<JsonElement, bool> done) =>
        Eventually.UntilAsync(async () =>
        {
            var list = await JsonAsync(await Http.GetAsync(new Uri(Api("contacts"), UriKind.Relative), Ct), HttpStatusCode.OK);
            return list.EnumerateArray().FirstOrDefault(c => c.GetProperty("externalUserId").GetString() == external);
        }, c => c.ValueKind == JsonValueKind.Object && done(c), what: $"contact {external}");

    [Fact]
    public async Task ContactWay_CustomerAddsThroughIt_AttributedByStateAndCounted()
    {
        var created = await JsonAsync(await Http.PostAsJsonAsync(Api("contact-ways"), new { userIds = new[] { "zhangsan" }, state = "spring-poster", remark = "春季海报" }, Ct),
            HttpStatusCode.Created);
        created.GetProperty("qrCode").GetString()!.ShouldStartWith("http");
        var sent = Fake.ContactWays[created.GetProperty("configId").GetString()!];
        ((string?)sent["state"]).ShouldBe("spring-poster");
        ((int?)sent["type"]).ShouldBe(1);

        await PushAsync(FakeWeComCallbacks.ExternalContact("add_external_contact", "zhangsan", "wmPoster1", Now, state: "spring-poster"));
        await PushAsync(FakeWeComCallbacks.ExternalContact("add_external_contact", "zhangsan", "wmOther", Now, state: "other"));

        var contact = await ContactWhenAsync("wmPoster1", _ => true);
        contact.GetProperty("state").GetString().ShouldBe("spring-poster");
        await ContactWhenAsync("wmOther", _ => true);
        var way = (await ContactWaysAsync()).EnumerateArray().Single();
        way.GetProperty("contacts").GetInt32().ShouldBe(1);
        way.GetProperty("activeContacts").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ContactWay_StateOver30NoStaffOrStateInUse_RefusedAndWeComNotCalledTwice()
    {
        var tooLong = await JsonAsync(await Http.PostAsJsonAsync(Api("contact-ways"), new { userIds = new[] { "zhangsan" }, state = new string('s', 31) }, Ct),
            HttpStatusCode.BadRequest);
        tooLong.GetProperty("errors").GetProperty("state")[0].GetString()!.ShouldContain("at most 30 characters");
        var noStaff = await JsonAsync(await Http.PostAsJsonAsync(Api("contact-ways"), new { userIds = Array.Empty<string>() }, Ct), HttpStatusCode.BadRequest);
        noStaff.GetProperty("errors").GetProperty("userIds")[0].GetString()!.ShouldContain("1 to 100");
        Fake.CallsTo("externalcontact/add_contact_way").ShouldBeEmpty();

        await JsonAsync(await Http.PostAsJsonAsync(Api("contact-ways"), new { userIds = new[] { "zhangsan", "lisi" }, state = "dup" }, Ct), HttpStatusCode.Created);
        await JsonAsync(await Http.PostAsJsonAsync(Api("contact-ways"), new { userIds = new[] { "lisi" }, state = "dup" }, Ct), HttpStatusCode.Conflict);
        Fake.CallsTo("externalcontact/add_contact_way").Count.ShouldBe(1);
        ((int?)Fake.ContactWays.Values.Single()["type"]).ShouldBe(2);
    }

    [Fact]
    public async Task Contact_AddedEditedDeletedByCustomerThenReAdded_EachRecordedOnce()
    {
        var added = FakeWeComCallbacks.ExternalContact("add_external_contact", "zhangsan", "wmLife", Now - 30, state: "qr1");
        await PushAsync(added);
        await ContactWhenAsync("wmLife", c => c.GetProperty("state").GetString() == "qr1");
        await PushAsync(FakeWeComCallbacks.ExternalContact("edit_external_contact", "zhangsan", "wmLife", Now - 20));
        await ContactWhenAsync("wmLife", c => Has(c, "editedAt"));

        var deleted = FakeWeComCallbacks.ExternalContact("del_follow_user", "zhangsan", "wmLife", Now - 10);
        await PushAsync(deleted);
        var gone = await ContactWhenAsync("wmLife", c => Has(c, "removedAt"));
        gone.GetProperty("removedBy").GetString().ShouldBe("customer");

        // WeCom retries the deletion and the original add: one inbox row each, nothing changes.
        await PushAsync(deleted);
        await PushAsync(added);
        (await InboxCountAsync(id => id.Contains("del_follow_user", StringComparison.Ordinal))).ShouldBe(1);
        (await ContactWhenAsync("wmLife", _ => true)).GetProperty("removedBy").GetString().ShouldBe("customer");

        await PushAsync(FakeWeComCallbacks.ExternalContact("add_external_contact", "zhangsan", "wmLife", Now, state: "qr2"));
        var back = await ContactWhenAsync("wmLife", c => !Has(c, "removedAt"));
        back.GetProperty("state").GetString().ShouldBe("qr2");

        await PushAsync(FakeWeComCallbacks.ExternalContact("del_external_contact", "zhangsan", "wmLife", Now + 1));
        (await ContactWhenAsync("wmLife", c => Has(c, "removedAt"))).GetProperty("removedBy").GetString().ShouldBe("staff");
    }

    [Fact]
    public async Task CorpTags_AddMarkAndDeletedInWeCom_TagDroppedFromTheCustomer()
    {
        Fake.AddContact("wmTagged", "小王");
        var group = await JsonAsync(await Http.PostAsJsonAsync(Api("corp-tags"), new { groupName = "客户等级", tags = new[] { "VIP", "潜在" } }, Ct), HttpStatusCode.Created);
        var tags = group.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("id").GetString()!);
        var listed = await JsonAsync(await Http.GetAsync(new Uri(Api("corp-tags"), UriKind.Relative), Ct), HttpStatusCode.OK);
        listed.EnumerateArray().Single().GetProperty("groupName").GetString().ShouldBe("客户等级");

        var marked = await JsonAsync(await Http.PostAsJsonAsync(Api("contacts/wmTagged/tags"), new { userId = "zhangsan", addTags = tags.Values }, Ct), HttpStatusCode.OK);
        marked.GetProperty("tagIds").GetArrayLength().ShouldBe(2);
        Fake.TagsOf("zhangsan", "wmTagged").Count.ShouldBe(2);

        var unknown = await JsonAsync(await Http.PostAsJsonAsync(Api("contacts/wmTagged/tags"), new { userId = "zhangsan", addTags = new[] { "etNope" } }, Ct),
            HttpStatusCode.BadGateway);
        unknown.GetProperty("errcode").GetInt32().ShouldBe(40068);
        var bothOrNeither = await JsonAsync(await Http.PostAsJsonAsync(Api("corp-tags"), new { tags = new[] { "x" } }, Ct), HttpStatusCode.BadRequest);
        bothOrNeither.GetProperty("errors").GetProperty("groupId")[0].GetString()!.ShouldContain("either groupId");

        Fake.DeleteTag(tags["潜在"]);
        await PushAsync(FakeWeComCallbacks.ExternalTag(tags["潜在"], "delete", Now));
        var pruned = await ContactWhenAsync("wmTagged", c => c.GetProperty("tagIds").GetArrayLength() == 1);
        pruned.GetProperty("tagIds")[0].GetString().ShouldBe(tags["VIP"]);
    }

    [Fact]
    public async Task ContactEndpoints_AnotherWorkspace_404AndWeComNotCalled()
    {
        await PushAsync(FakeWeComCallbacks.ExternalContact("add_external_contact", "zhangsan", "wmMine", Now, state: "mine"));
        await ContactWhenAsync("wmMine", _ => true);
        using var other = await SecondWorkspace.CreateAsync(Server);
        var calls = Fake.Calls.Count;

        (await other.PostAsJsonAsync(Api("contact-ways"), new { userIds = new[] { "zhangsan" } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(new Uri(Api("contact-ways"), UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(new Uri(Api("contacts"), UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync(new Uri(Api("corp-tags"), UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync(Api("corp-tags"), new { groupName = "x", tags = new[] { "y" } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync(Api("contacts/wmMine/tags"), new { userId = "zhangsan", addTags = new[] { "t" } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Fake.Calls.Count.ShouldBe(calls);
    }
}
