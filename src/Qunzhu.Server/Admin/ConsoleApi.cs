using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Qunzhu.Server.Auth;
using Qunzhu.Storage;

namespace Qunzhu.Server.Admin;

/// <summary>How pages call the API's own handlers (src/Qunzhu.Server/Apis): same queries, same validation, same
/// workspace and community scoping, no HTTP hop. Each call gets a fresh service scope (a circuit lives for hours; a
/// DbContext must not); writes pass <see cref="AccessRules"/> first and run in an <see cref="AuditScope"/>, exactly
/// like the API filter does.</summary>
public sealed class ConsoleApi(IServiceScopeFactory scopes, AuthenticationStateProvider auth, IAppDbContextFactory dbs, TimeProvider time,
    IOptions<IdentityOptions> identity)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await auth.GetAuthenticationStateAsync()).User;

    public Task<ApiResult<T>> ReadAsync<T>(Func<IServiceProvider, ClaimsPrincipal, Task<IResult>> call) =>
        RunAsync<T>(call, write: false, operatorsMayWrite: false, adminOnly: false, what: null);

    /// <param name="what">Entity name for the audit log when the handler changes rows only with bulk SQL.</param>
    /// <param name="summary">False for a simulated member's sandbox event, which the API does not audit either.</param>
    public Task<ApiResult<T>> WriteAsync<T>(string what, Func<IServiceProvider, ClaimsPrincipal, Task<IResult>> call, bool operatorsMayWrite = false,
        bool summary = true) =>
        RunAsync<T>(call, write: true, operatorsMayWrite, adminOnly: false, summary ? what : null);

    public Task<ApiResult<T>> AdminAsync<T>(string what, Func<IServiceProvider, ClaimsPrincipal, Task<IResult>> call, bool write) =>
        RunAsync<T>(call, write, operatorsMayWrite: false, adminOnly: true, what);

    private async Task<ApiResult<T>> RunAsync<T>(Func<IServiceProvider, ClaimsPrincipal, Task<IResult>> call, bool write, bool operatorsMayWrite,
        bool adminOnly, string? what)
    {
        var user = await UserAsync();
        await using var scope = scopes.CreateAsyncScope();
        // The circuit's identity is re-checked every 30 s; each call checks the row, so a disabled or demoted person is refused at once.
        if (!await StaffSessions.IsCurrentAsync(user, scope.ServiceProvider.Db(), identity.Value, CancellationToken.None))
            return new ApiResult<T>(false, default, 401, StaffSessions.Ended, null);
        if (AccessRules.Denied(user.RoleOf(), write, operatorsMayWrite, adminOnly) is { } denied)
            return new ApiResult<T>(false, default, 403, denied, null);
        if (!write) return Unwrap<T>(await call(scope.ServiceProvider, user));
        using var audit = AuditScope.Begin(user);
        var result = Unwrap<T>(await call(scope.ServiceProvider, user));
        if (result.Ok && audit.Written == 0 && what is not null)
            await audit.RecordSummaryAsync(dbs, time, what, "", "updated", "console: " + what, CancellationToken.None);
        return result;
    }

    private static ApiResult<T> Unwrap<T>(IResult result)
    {
        while (result is INestedHttpResult nested) result = nested.Result;
        return result switch
        {
            IValueHttpResult<T> value and IStatusCodeHttpResult { StatusCode: < 400 } => new ApiResult<T>(true, value.Value, 200, "", null),
            ValidationProblem v => new ApiResult<T>(false, default, 400, v.ProblemDetails.Title ?? "", v.ProblemDetails.Errors),
            ProblemHttpResult p => new ApiResult<T>(false, default, p.StatusCode, p.ProblemDetails.Detail ?? p.ProblemDetails.Title ?? "", null),
            IStatusCodeHttpResult { StatusCode: < 400 } => new ApiResult<T>(true, default, 200, "", null),
            IStatusCodeHttpResult s => new ApiResult<T>(false, default, s.StatusCode ?? 500, "", null),
            _ => new ApiResult<T>(true, default, 200, "", null),
        };
    }
}

public static class ServiceProviderExtensions
{
    public static AppDbContext Db(this IServiceProvider sp) => sp.GetRequiredService<AppDbContext>();
    public static T Get<T>(this IServiceProvider sp) where T : notnull => sp.GetRequiredService<T>();
}
