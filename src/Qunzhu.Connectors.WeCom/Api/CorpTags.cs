namespace Qunzhu.Connectors.WeCom.Api;

/// <summary>externalcontact/get_corp_tag_list, add_corp_tag, mark_tag: the corp's customer tags.</summary>
public sealed record CorpTags
{
    public sealed record Group(string? GroupId, string? GroupName, long CreateTime = 0, int Order = 0, bool Deleted = false)
    {
        public IReadOnlyList<Tag> Tag { get; init; } = [];
    }

    public sealed record Tag(string? Id, string Name, long CreateTime = 0, int Order = 0, bool Deleted = false);

    public sealed record Listed : WeComResponse
    {
        public IReadOnlyList<Group> TagGroup { get; init; } = [];
    }

    /// <summary>add_corp_tag: a group id to add to an existing group, or a group name for a new one.</summary>
    public sealed record AddRequest(string? GroupId, string? GroupName, IReadOnlyList<Tag> Tag, int? Agentid = null);

    public sealed record Added : WeComResponse
    {
        public Group? TagGroup { get; init; }
    }

    public sealed record MarkRequest(string Userid, string ExternalUserid, IReadOnlyList<string>? AddTag, IReadOnlyList<string>? RemoveTag);
}
