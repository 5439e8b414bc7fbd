using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Communities;
using Qunzhu.Engine.Invites;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// Named invite links per group (one per referrer or channel); joins through a link are attributed to its name.
public static class InviteLinksApi
{
    public static RouteGroupBuilder MapInviteLinksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/communities/{id:guid}/invite-links").WithTags("Invite links");
        group.MapPost("/", Create).WithName("CreateInviteLink").WithSummary("Create a named invite link on the platform (Telegram createChatInviteLink)");
        group.MapGet("/", List).WithName("ListInviteLinks").WithSummary("The group's invite links with how many joined through each");
        return api;
    }

    public static async Task<Results<Created<InviteLinkResponse>, ValidationProblem, ProblemHttpResult>> Create(Guid id, CreateInviteLinkRequest request,
        ClaimsPrincipal user, AppDbContext db, IEnumerable<IInviteLinkIssuer> issuers, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var community = await db.VisibleCommunities(user).AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (community is null) return Problems.NotFound("Community", id);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 32)
            return Problems.Invalid("name", "Give the link a name of 1–32 characters (Telegram's limit), e.g. the referrer or channel.");
        if (request.MemberLimit is < 1 or > 99_999) return Problems.Invalid("memberLimit", "memberLimit is between 1 and 99999, or omitted for no limit.");
        if (request.MemberLimit is not null && request.CreatesJoinRequest == true)
            return Problems.Invalid("memberLimit", "A link that creates join requests cannot have a member limit (Telegram rejects both together).");
        if (await db.InviteLinks.AnyAsync(l => l.CommunityId == id && l.Name == name, ct))
            return Problems.Invalid("name", $"This group already has a link named '{name}'; joins are attributed by name, so pick another.");
        var issuer = issuers.FirstOrDefault(i => i.Platform == community.Platform);
        if (issuer is null)
            return Problems.Conflict("Not available on this platform", $"{community.Platform} groups have no invite links Qunzhu can create.");

        var issued = await issuer.CreateAsync(community, new InviteLinkSpec(name, request.MemberLimit, request.CreatesJoinRequest ?? false), ct);
        if (issued.Url is null) return TypedResults.Problem(statusCode: 502, title: "The platform refused to create the link", detail: issued.Error);
        var link = new InviteLink
        {
            WorkspaceId = workspaceId,
            CommunityId = id,
            Name = name,
            Url = issued.Url,
            MemberLimit = request.MemberLimit,
            CreatesJoinRequest = request.CreatesJoinRequest ?? false,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.InviteLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/communities/{id}/invite-links", View(link, 0));
    }

    public static async Task<Results<Ok<List<InviteLinkResponse>>, ProblemHttpResult>> List(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        if (!await db.VisibleCommunities(user).AnyAsync(c => c.Id == id, ct)) return Problems.NotFound("Community", id);
        var links = await db.InviteLinks.AsNoTracking().Where(l => l.CommunityId == id && l.WorkspaceId == workspaceId).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var names = links.Select(l => l.Name).ToList();
        var joins = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == id && m.InviteCode != null && names.Contains(m.InviteCode))
            .GroupBy(m => m.InviteCode!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return TypedResults.Ok(links.Select(l => View(l, joins.GetValueOrDefault(l.Name))).ToList());
    }

    private static InviteLinkResponse View(InviteLink l, int joins) =>
        new(l.Id, l.Name, l.Url, l.MemberLimit, l.CreatesJoinRequest, joins, l.CreatedAt);
}

public sealed record CreateInviteLinkRequest(string? Name, int? MemberLimit, bool? CreatesJoinRequest);

/// <param name="Joins">Members who joined the group through this link (each counted once).</param>
public sealed record InviteLinkResponse(Guid Id, string Name, string Url, int? MemberLimit, bool CreatesJoinRequest, int Joins, DateTime CreatedAt);
