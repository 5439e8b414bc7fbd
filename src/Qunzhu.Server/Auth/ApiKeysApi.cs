using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qunzhu.Core.Workspaces;
using Qunzhu.Server.Apis;
using Qunzhu.Storage;

namespace Qunzhu.Server.Auth;

/// API keys: create (the secret is returned once), list with prefix and last use, revoke. Owners and Admins only.
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API keys").RequireAdmin();
        group.MapGet("/", List).WithName("ListApiKeys").WithSummary("Keys with prefix, role and last use; never the secret");
        group.MapPost("/", Create).WithName("CreateApiKey").WithSummary("Create a key; the response is the only time the key is shown");
        group.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke a key; requests with it fail from now on");
        return api;
    }

    public static async Task<Ok<List<ApiKeyResponse>>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.WorkspaceId == workspaceId).OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyResponse(k.Id, k.Name, k.Prefix, k.Role, k.CreatedAt, k.LastUsedAt, k.RevokedAt)).ToListAsync(ct);
        return TypedResults.Ok(keys);
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> Create(CreateApiKeyRequest request,
        ClaimsPrincipal user, AppDbContext db, TimeProvider time, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) return Problems.Invalid("name", "Give the key a name of 1–100 characters, e.g. what uses it.");
        var role = request.Role ?? StaffRole.Viewer;
        // An Operator's rights come from community assignments, which belong to a person, not a key.
        if (role == StaffRole.Operator) return Problems.Invalid("role", "Keys can be owner, admin or viewer keys; operators sign in as staff.");
        if (role == StaffRole.Owner && user.RoleOf() != StaffRole.Owner)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only an owner can create owner keys.");
        var secret = ApiKeys.Generate();
        var key = new ApiKey
        {
            WorkspaceId = user.WorkspaceIdOf(),
            CreatedBy = user.StaffIdOf(),
            Name = name,
            Prefix = ApiKeys.Prefix(secret),
            Hash = ApiKeys.Hash(secret),
            Role = role,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKeyResponse(key.Id, key.Name, key.Prefix, key.Role, secret));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, ClaimsPrincipal user, AppDbContext db, ApiKeyCache cache,
        TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.WorkspaceId == workspaceId, ct);
        if (key is null) return Problems.NotFound("API key", id);
        if (key.Role == StaffRole.Owner && user.RoleOf() != StaffRole.Owner)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only an owner can revoke owner keys.");
        key.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        cache.Clear();
        return TypedResults.NoContent();
    }
}
