namespace Qunzhu.Connectors.WeCom.Api;

public sealed partial class WeComApiClient
{
    /// <summary>externalcontact/add_contact_way: a "contact me" code; its state comes back in add_external_contact.</summary>
    public async Task<ContactWay.Created> AddContactWayAsync(WeComCredentials c, ContactWay way, CancellationToken ct)
    {
        if (way.State is { Length: > JoinWay.MaxStateLength })
            throw new ArgumentException($"The state has at most {JoinWay.MaxStateLength} characters (WeCom's limit).", nameof(way));
        return await CallAsync<ContactWay.Created>(c, "cgi-bin/externalcontact/add_contact_way", way, ct);
    }

    /// <summary>externalcontact/get: the customer's name.</summary>
    public async Task<ExternalContact?> GetExternalContactAsync(WeComCredentials c, string externalUserId, CancellationToken ct)
    {
        var found = await CallAsync<ExternalContact.Found>(c, "cgi-bin/externalcontact/get", null, ct,
            $"external_userid={Uri.EscapeDataString(externalUserId)}");
        return found.ExternalContact;
    }

    /// <summary>externalcontact/send_welcome_msg: usable once, within 20 seconds of the add_external_contact callback.</summary>
    public Task SendWelcomeMessageAsync(WeComCredentials c, string welcomeCode, string text, CancellationToken ct) =>
        CallAsync<WeComResponse>(c, "cgi-bin/externalcontact/send_welcome_msg",
            new { welcome_code = welcomeCode, text = new MsgTemplate.TextContent(text) }, ct);

    /// <summary>get_corp_tag_list: all tag groups and tags (or only the ids given).</summary>
    public async Task<IReadOnlyList<CorpTags.Group>> GetCorpTagsAsync(WeComCredentials c, CancellationToken ct,
        IReadOnlyList<string>? tagIds = null, IReadOnlyList<string>? groupIds = null)
    {
        var listed = await CallAsync<CorpTags.Listed>(c, "cgi-bin/externalcontact/get_corp_tag_list",
            new { tag_id = tagIds ?? [], group_id = groupIds ?? [] }, ct);
        return listed.TagGroup;
    }

    public async Task<CorpTags.Group> AddCorpTagAsync(WeComCredentials c, CorpTags.AddRequest request, CancellationToken ct)
    {
        var added = await CallAsync<CorpTags.Added>(c, "cgi-bin/externalcontact/add_corp_tag", request, ct);
        return added.TagGroup ?? throw new WeComApiException("externalcontact/add_corp_tag", 0, "WeCom returned no tag_group.", null);
    }

    /// <summary>mark_tag: tags a customer as seen by one staff member (WeCom keeps tags per follow-user).</summary>
    public Task MarkTagAsync(WeComCredentials c, CorpTags.MarkRequest request, CancellationToken ct) =>
        CallAsync<WeComResponse>(c, "cgi-bin/externalcontact/mark_tag", request, ct);
}
