using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Qunzhu.Storage;

namespace Qunzhu.Server.Auth;

/// <summary>Role rules for every /api/v1 endpoint, in one place: Viewers write nothing; Operators write only where an
/// endpoint allows them (<see cref="AccessRules.AllowOperators{T}"/>; the handler then limits them to their communities);
/// Admin-only endpoints refuse everyone else even to read. Every write runs inside an <see cref="AuditScope"/>.</summary>
public sealed class AccessFilter(IAppDbContextFactory dbs, TimeProvider time, IOptions<IdentityOptions> identity) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User;
        var metadata = http.GetEndpoint()?.Metadata;
        if (user.StaffIdOf() is not null)
        {
            await using var db = dbs.Create();
            if (!await StaffSessions.IsCurrentAsync(user, db, identity.Value, http.RequestAborted))
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Session ended", detail: StaffSessions.Ended);
        }
        var write = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        var denied = AccessRules.Denied(user.RoleOf(), write,
            metadata?.GetMetadata<OperatorsMayWrite>() is not null, metadata?.GetMetadata<AdminOnly>() is not null);
        if (denied is not null) return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: denied);
        if (!write || metadata?.GetMetadata<NotAudited>() is not null) return await next(context);

        using var scope = AuditScope.Begin(user);
        var result = await next(context);
        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        if (scope.Written == 0 && status < 400)
        {
            var path = http.Request.Path.Value ?? "";
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToArray();   // after api/v1
            var id = segments.FirstOrDefault(s => Guid.TryParse(s, out _) || long.TryParse(s, out _)) ?? "";
            await scope.RecordSummaryAsync(dbs, time, segments.FirstOrDefault() ?? "api", id,
                HttpMethods.IsDelete(http.Request.Method) ? "deleted" : "updated", $"{http.Request.Method} {path}", http.RequestAborted);
        }
        return result;
    }
}
