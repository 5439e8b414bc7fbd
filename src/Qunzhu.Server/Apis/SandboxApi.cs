using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunzhu.Connectors.Sandbox;
using Qunzhu.Core.Communities;
using Qunzhu.Core.Platforms;
using Qunzhu.Core.Workspaces;
using Qunzhu.Engine;
using Qunzhu.Engine.Ingestion;
using Qunzhu.Engine.Sops;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Apis;

/// The built-in sandbox platform: create groups, act as members, read what the group shows.
public static class SandboxApi
{
    public const int MaxTextLength = 4000;
    public const int MaxIdLength = 64;
    public const int MaxEventIdLength = SandboxEventIds.MaxCallerIdLength;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapSandboxApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sandbox/groups").WithTags("Sandbox");
        group.MapPost("/", CreateGroup).WithName("CreateSandboxGroup").WithSummary("Create a sandbox group (an Operator's is assigned to them)").AllowOperators();
        group.MapPost("/{id:guid}/events", PostEvent).WithName("PostSandboxEvent")
            .WithSummary("Post a member's join, leave or message; stored before the 202, processed in order").AllowOperators().WithoutAudit();
        group.MapGet("/{id:guid}/transcript", GetTranscript).WithName("GetSandboxTranscript")
            .WithSummary("The group as a member sees it, bot lines and removals included");
        return api;
    }

    public static async Task<Results<Created<SandboxGroupResponse>, ValidationProblem>> CreateGroup(
        CreateSandboxGroupRequest request, ClaimsPrincipal user, AppDbContext db, SopEnroller sops, EngineSignals signals, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) return Problems.Invalid("name", "Give the group a name of 1–100 characters.");
        if (!CommunityTypes.TryParse(request.Type, out var type))
            return Problems.Invalid("type", $"Unknown type '{request.Type}'. Use one of: {string.Join(", ", CommunityTypes.Names)}.");
        if (request.TemplateId is { } templateId && !await db.Templates.AnyAsync(t => t.Id == templateId && t.WorkspaceId == workspaceId, ct))
            return Problems.Invalid("templateId", $"No template with id '{templateId}' exists in your workspace.");

        var account = await db.PlatformAccounts.FirstAsync(a => a.WorkspaceId == workspaceId && a.Platform == PlatformKind.Sandbox, ct);
        var community = new Community
        {
            WorkspaceId = workspaceId,
            AccountId = account.Id,
            Platform = PlatformKind.Sandbox,
            ExternalId = "",
            Name = name,
            Type = type,
            TemplateId = request.TemplateId,
            Capabilities = request.Capabilities,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        community.ExternalId = community.Id.ToString();
        db.Communities.Add(community);
        if (user.IsOperator() && user.StaffIdOf() is { } staffId)
            db.StaffCommunities.Add(new StaffCommunity { WorkspaceId = workspaceId, StaffUserId = staffId, CommunityId = community.Id });
        // Group SOPs for new groups of this type start with it, in the same commit.
        var scheduled = await sops.OnCommunityCreatedAsync(db, community, community.CreatedAt, ct);
        await db.SaveChangesAsync(ct);
        if (scheduled) signals.JobScheduled();
        return TypedResults.Created($"/api/v1/communities/{community.Id}",
            new SandboxGroupResponse(community.Id, community.Name, community.Type, community.TemplateId, community.CreatedAt));
    }

    public static async Task<Results<Accepted<SandboxEventAccepted>, ValidationProblem, ProblemHttpResult>> PostEvent(
        Guid id, SandboxEventRequest request, ClaimsPrincipal user, SandboxGroupCache groups, IInboxWriter inbox, IAppDbContextFactory dbs,
        TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var community = await groups.FindAsync(workspaceId, id, ct);
        if (community is null || !await CanSeeAsync(user, dbs, id, ct)) return Problems.NotFound("Sandbox group", id);

        var given = !string.IsNullOrWhiteSpace(request.EventId);
        var eventId = given ? request.EventId!.Trim() : SandboxEventIds.New();
        var memberId = request.MemberId!.Trim();
        var payload = new SandboxPayload(request.Kind!, memberId,
            string.IsNullOrWhiteSpace(request.MemberName) ? null : request.MemberName.Trim(),
            request.Kind == "message" ? request.Text : null,
            string.IsNullOrWhiteSpace(request.InviteCode) ? null : request.InviteCode.Trim(),
            time.GetUtcNow().UtcDateTime);
        // A caller's event ids are per group; all sandbox groups share one account, so their stored id carries the group.
        var isNew = await inbox.AcceptAsync(new InboxItem(workspaceId, community.AccountId, PlatformKind.Sandbox,
            given ? SandboxEventIds.Stored(id, eventId) : eventId, community.ChatId, JsonSerializer.Serialize(payload, Json)), ct);
        return TypedResults.Accepted($"/api/v1/sandbox/groups/{id}/transcript", new SandboxEventAccepted(eventId, !isNew));
    }

    public static async Task<Results<Ok<IReadOnlyList<TranscriptLine>>, ProblemHttpResult>> GetTranscript(
        Guid id, ClaimsPrincipal user, AppDbContext db, IOptions<EngineOptions> engine, CancellationToken ct, int limit = 200)
    {
        var workspaceId = user.WorkspaceIdOf();
        var community = await db.VisibleCommunities(user).AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == id && c.WorkspaceId == workspaceId && c.Platform == PlatformKind.Sandbox, ct);
        if (community is null) return Problems.NotFound("Sandbox group", id);
        return TypedResults.Ok(await SandboxTranscript.ReadAsync(db, community, engine.Value.Partitions, Math.Clamp(limit, 1, 1000), ct));
    }

    // The hot path asks the database only for Operators; everyone else sees every group of the workspace.
    private static async Task<bool> CanSeeAsync(ClaimsPrincipal user, IAppDbContextFactory dbs, Guid id, CancellationToken ct)
    {
        if (!user.IsOperator()) return true;
        await using var db = dbs.Create();
        return await db.VisibleCommunities(user).AnyAsync(c => c.Id == id, ct);
    }

    private static Dictionary<string, string[]> Validate(SandboxEventRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Kind is not ("join" or "leave" or "message" or "joinRequest"))
            errors["kind"] = [$"Unknown kind '{r.Kind}'. Use join, leave, message or joinRequest."];
        if (string.IsNullOrWhiteSpace(r.MemberId) || r.MemberId.Trim().Length > MaxIdLength)
            errors["memberId"] = [$"Give the member's id (1–{MaxIdLength} characters)."];
        if (r.MemberName is { Length: > 100 })
            errors["memberName"] = ["A member name has at most 100 characters."];
        if (r.EventId?.Trim() is { Length: > MaxEventIdLength })
            errors["eventId"] = [$"An event id has at most {MaxEventIdLength} characters."];
        if (r.InviteCode is { Length: > MaxIdLength })
            errors["inviteCode"] = [$"An invite code has at most {MaxIdLength} characters."];
        if (r.Kind == "message" && string.IsNullOrWhiteSpace(r.Text))
            errors["text"] = ["A message needs text."];
        if (r.Text is { Length: > MaxTextLength })
            errors["text"] = [$"A message has at most {MaxTextLength} characters; this one has {r.Text.Length}."];
        return errors;
    }
}
