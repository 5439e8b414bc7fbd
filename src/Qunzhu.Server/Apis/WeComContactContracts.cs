namespace Qunzhu.Server.Apis;

/// <param name="UserIds">The staff members (WeCom user ids) customers add through the code: 1 to 100.</param>
/// <param name="State">≤ 30 characters; customers who add through the code carry it. Generated when omitted.</param>
public sealed record CreateContactWayRequest(IReadOnlyList<string>? UserIds, string? State, string? Remark);

/// <param name="Contacts">Customers who added a staff member through it (current and former).</param>
/// <param name="ActiveContacts">Of those, still contacts.</param>
public sealed record ContactWayResponse(Guid Id, string State, string? Remark, string ConfigId, string? QrCode, IReadOnlyList<string> UserIds,
    DateTime CreatedAt, int Contacts, int ActiveContacts);

/// <param name="RemovedBy">staff (the staff member deleted the customer) or customer (the customer deleted the staff member).</param>
/// <param name="State">The contact way the customer came through, if any.</param>
public sealed record WeComContactResponse(string ExternalUserId, string UserId, string? State, DateTime AddedAt, DateTime? EditedAt,
    DateTime? RemovedAt, string? RemovedBy, IReadOnlyList<string> TagIds);

public sealed record CorpTagGroupResponse(string GroupId, string GroupName, IReadOnlyList<CorpTagResponse> Tags);

public sealed record CorpTagResponse(string Id, string Name);

/// <param name="GroupId">An existing tag group to add to; or give GroupName for a new group.</param>
/// <param name="Tags">Tag names, 1 to 30 characters each (WeCom's limit).</param>
public sealed record AddCorpTagsRequest(string? GroupId, string? GroupName, IReadOnlyList<string>? Tags);

/// <param name="UserId">The staff member whose customer this is: WeCom keeps tags per staff member.</param>
public sealed record MarkTagsRequest(string? UserId, IReadOnlyList<string>? AddTags, IReadOnlyList<string>? RemoveTags);
