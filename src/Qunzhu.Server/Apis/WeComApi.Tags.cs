using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Connectors.WeCom.Accounts;
using Qunzhu.Connectors.WeCom.Api;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

public static partial class WeComApi
{
    public static async Task<Results<Ok<IReadOnlyList<CorpTagGroupResponse>>, ProblemHttpResult>> ListCorpTags(Guid id, ClaimsPrincipal user,
        AppDbContext db, WeComAccounts accounts, WeComApiClient client, CancellationToken ct)
    {
        var (account, problem) = await AccountAsync(id, user, db, accounts, ct);
        if (account is null) return problem!;
        try
        {
            var groups = await client.GetCorpTagsAsync(account.Settings.Credentials, ct);
            return TypedResults.Ok<IReadOnlyList<CorpTagGroupResponse>>([.. groups.Where(g => !g.Deleted).Select(View)]);
        }
        catch (Exception ex) when (FromWeCom(ex) is { } failed)
        {
            return failed;
        }
    }

    public static async Task<Results<Created<CorpTagGroupResponse>, ValidationProblem, ProblemHttpResult>> AddCorpTags(Guid id,
        AddCorpTagsRequest request, ClaimsPrincipal user, AppDbContext db, WeComAccounts accounts, WeComApiClient client, CancellationToken ct)
    {
        var (account, problem) = await AccountAsync(id, user, db, accounts, ct);
        if (account is null) return problem!;
        var names = (request.Tags ?? []).Select(t => t?.Trim() ?? "").ToList();
        if (names.Count == 0 || names.Any(n => n.Length is 0 or > MaxTagNameLength))
            return Problems.Invalid("tags", $"Give one or more tag names of 1 to {MaxTagNameLength} characters (WeCom's limit).");
        if (string.IsNullOrWhiteSpace(request.GroupId) == string.IsNullOrWhiteSpace(request.GroupName))
            return Problems.Invalid("groupId", "Give either groupId (add to an existing tag group) or groupName (a new group), not both or neither.");
        if (request.GroupName is { Length: > MaxTagNameLength })
            return Problems.Invalid("groupName", $"A tag group name has at most {MaxTagNameLength} characters.");
        try
        {
            var group = await client.AddCorpTagAsync(account.Settings.Credentials, new CorpTags.AddRequest(
                string.IsNullOrWhiteSpace(request.GroupId) ? null : request.GroupId.Trim(), request.GroupName?.Trim(),
                [.. names.Select(n => new CorpTags.Tag(null, n))]), ct);
            return TypedResults.Created($"/api/v1/platform-accounts/{id}/wecom/corp-tags", View(group));
        }
        catch (Exception ex) when (FromWeCom(ex) is { } failed)
        {
            return failed;
        }
    }

    public static async Task<Results<Ok<WeComContactResponse>, ValidationProblem, ProblemHttpResult>> MarkTags(Guid id, string externalUserId,
        MarkTagsRequest request, ClaimsPrincipal user, AppDbContext db, WeComAccounts accounts, WeComApiClient client, TimeProvider time,
        CancellationToken ct)
    {
        var (account, problem) = await AccountAsync(id, user, db, accounts, ct);
        if (account is null) return problem!;
        if (string.IsNullOrWhiteSpace(request.UserId))
            return Problems.Invalid("userId", "Name the staff member (WeCom user id) whose customer this is: WeCom keeps tags per staff member.");
        var add = (request.AddTags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        var remove = (request.RemoveTags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        if (add.Count + remove.Count == 0) return Problems.Invalid("addTags", "Give tag ids to add (addTags) or remove (removeTags).");
        if (add.Intersect(remove, StringComparer.Ordinal).FirstOrDefault() is { } both)
            return Problems.Invalid("removeTags", $"Tag '{both}' is both added and removed.");
        var staff = request.UserId.Trim();
        try
        {
            await client.MarkTagAsync(account.Settings.Credentials, new CorpTags.MarkRequest(staff, externalUserId, add, remove), ct);
        }
        catch (Exception ex) when (FromWeCom(ex) is { } failed)
        {
            return failed;
        }
        // WeCom accepted: keep Qunzhu's copy. A customer added before Qunzhu was connected is recorded now.
        var row = await db.WeComContacts.FirstOrDefaultAsync(c => c.AccountId == id && c.ExternalUserId == externalUserId && c.UserId == staff, ct);
        if (row is null)
        {
            row = new Core.WeCom.WeComContact
            {
                WorkspaceId = account.WorkspaceId,
                AccountId = id,
                ExternalUserId = externalUserId,
                UserId = staff,
                AddedAt = time.GetUtcNow().UtcDateTime,
            };
            db.WeComContacts.Add(row);
        }
        row.TagIds = [.. row.TagIds.Union(add, StringComparer.Ordinal).Except(remove, StringComparer.Ordinal)];
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new WeComContactResponse(row.ExternalUserId, row.UserId, row.State, row.AddedAt, row.EditedAt, row.RemovedAt,
            row.RemovedBy, row.TagIds));
    }

    private static CorpTagGroupResponse View(CorpTags.Group g) =>
        new(g.GroupId ?? "", g.GroupName ?? "", [.. g.Tag.Where(t => !t.Deleted && t.Id is not null).Select(t => new CorpTagResponse(t.Id!, t.Name))]);
}
