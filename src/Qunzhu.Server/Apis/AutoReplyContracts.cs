using Qunzhu.Core.AutoReplies;

namespace Qunzhu.Server.Apis;

/// <param name="Match">contains (default), exact or regex.</param>
/// <param name="TemplateId">Only groups using this template (give at most one of templateId, communityId).</param>
/// <param name="CommunityId">Only this group.</param>
/// <param name="CooldownSeconds">Quiet time per group after answering; omitted: the template's default.</param>
public sealed record AutoReplyRequest(
    IReadOnlyList<string>? Keywords, MatchMode? Match, string? Reply, Guid? TemplateId, Guid? CommunityId,
    int? CooldownSeconds, bool? Enabled, int? Priority);

public sealed record AutoReplyResponse(
    Guid Id, IReadOnlyList<string> Keywords, MatchMode Match, string Reply, Guid? TemplateId, Guid? CommunityId,
    int? CooldownSeconds, bool Enabled, int Priority, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AutoReplyResponse From(AutoReplyRule r) =>
        new(r.Id, r.Keywords, r.Match, r.Reply, r.TemplateId, r.CommunityId, r.CooldownSeconds, r.Enabled, r.Priority, r.CreatedAt, r.UpdatedAt);
}
